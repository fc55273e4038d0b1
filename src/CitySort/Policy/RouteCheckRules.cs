namespace CitySort.Policy;

/// <summary>
/// How CitySort checks what the vehicles drove against their planned line (setting <c>routeChecks</c>, CitySort's
/// choice on W96-R1 "scientifically designed sorted-transport routes" and W96-T3 dedicated lines). All figures of the
/// shipped profile are illustrative.
/// </summary>
/// <param name="OffLineDistanceMetres">
/// A GPS fix farther than this from every planned stop and from the straight path between consecutive planned points
/// is off the line, in metres, at least 1 (e.g. 500).
/// </param>
/// <param name="OffLineSeconds">
/// A vehicle is off its planned line when its fixes stay off the line for longer than this, in seconds, at least 1
/// (e.g. 600): from the first off-line fix of a run to its last.
/// </param>
/// <param name="MaxPlausibleSpeedKmPerHour">
/// A fix that the vehicle could reach from the previous kept fix only faster than this is a jump of the receiver and
/// is ignored when the driven distance is summed, in km/h, at least 1 (e.g. 120).
/// </param>
public sealed record RouteCheckRules(int OffLineDistanceMetres, int OffLineSeconds, int MaxPlausibleSpeedKmPerHour);
