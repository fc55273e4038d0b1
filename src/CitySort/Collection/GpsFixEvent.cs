namespace CitySort.Collection;

/// <summary>A vehicle's position fix. The live map shows each vehicle's latest fix by device time; a late older fix
/// never moves a vehicle backwards.</summary>
/// <param name="EventId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceTime">See <see cref="CollectionEvent"/>.</param>
/// <param name="IsIllustrative">See <see cref="CollectionEvent"/>.</param>
/// <param name="VehiclePlate">The vehicle's plate.</param>
/// <param name="Point">The position, converted to WGS-84.</param>
/// <param name="SpeedKmh">Ground speed in km/h (≥ 0), or null.</param>
/// <param name="HeadingDegrees">Course over ground in degrees clockwise from north, [0, 360), or null.</param>
public sealed record GpsFixEvent(
    string EventId,
    string DeviceId,
    DateTimeOffset DeviceTime,
    bool IsIllustrative,
    string VehiclePlate,
    EventPoint Point,
    double? SpeedKmh,
    double? HeadingDegrees) : CollectionEvent(EventId, DeviceId, DeviceTime, IsIllustrative)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.GpsFix;
}
