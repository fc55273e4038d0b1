namespace CitySort.Collection.Live;

/// <summary>
/// A vehicle's latest known position for the live map (W96-A6: real-time management of sorted collection and
/// transport): the accepted GPS fix with the latest <see cref="DeviceTime"/> seen for <see cref="Plate"/>.
/// </summary>
/// <param name="Plate">The vehicle's plate (registry natural key).</param>
/// <param name="DeviceTime">When the fix was taken, by the device's clock, with its offset.</param>
/// <param name="Longitude">WGS-84 longitude in degrees east.</param>
/// <param name="Latitude">WGS-84 latitude in degrees north.</param>
/// <param name="SpeedKmh">Ground speed in km/h, or null when the device did not send it.</param>
/// <param name="HeadingDegrees">Course over ground in degrees clockwise from north, [0, 360), or null.</param>
/// <param name="IsIllustrative">True when a demo device (the demo city, the simulator) sent the fix.</param>
public sealed record VehiclePosition(
    string Plate,
    DateTimeOffset DeviceTime,
    double Longitude,
    double Latitude,
    double? SpeedKmh,
    double? HeadingDegrees,
    bool IsIllustrative)
{
    /// <summary>The position a GPS fix reports.</summary>
    /// <param name="fix">An accepted fix.</param>
    /// <returns>The fix's plate, device time, WGS-84 point, speed, heading and illustrative flag.</returns>
    public static VehiclePosition From(GpsFixEvent fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return new VehiclePosition(fix.VehiclePlate, fix.DeviceTime, fix.Point.Longitude, fix.Point.Latitude, fix.SpeedKmh, fix.HeadingDegrees, fix.IsIllustrative);
    }

    /// <summary>
    /// The latest-fix rule: whether <paramref name="candidate"/> replaces <paramref name="current"/> as the vehicle's
    /// position. Only a strictly later device time moves the vehicle (instants compared in UTC, whatever their offsets),
    /// so a late older fix, or a second fix of the same instant, never moves it backwards or makes it jump.
    /// Pure.
    /// </summary>
    /// <param name="current">The position held now, or null when none is known.</param>
    /// <param name="candidate">A position from a newly accepted fix of the same plate.</param>
    /// <returns>True when <paramref name="candidate"/> is the newer and should be shown.</returns>
    public static bool Supersedes(VehiclePosition? current, VehiclePosition candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return current is null || candidate.DeviceTime.UtcDateTime > current.DeviceTime.UtcDateTime;
    }
}
