using CitySort.Collection.Live;

namespace CitySort.Server.Live;

/// <summary>
/// A vehicle's latest position as the API (<c>GET /api/vehicles/positions</c>) and the <c>"vehiclePosition"</c>
/// message of <see cref="LiveHub"/> carry it.
/// </summary>
/// <param name="Plate">The vehicle's plate.</param>
/// <param name="DeviceTime">When the fix was taken (ISO 8601 with the offset it arrived with).</param>
/// <param name="Longitude">WGS-84 longitude, degrees east.</param>
/// <param name="Latitude">WGS-84 latitude, degrees north.</param>
/// <param name="SpeedKmh">Ground speed in km/h, or null.</param>
/// <param name="HeadingDegrees">Course over ground in degrees clockwise from north, or null.</param>
/// <param name="IsIllustrative">True when a demo device sent the fix (the simulator).</param>
public sealed record VehiclePositionMessage(
    string Plate,
    DateTimeOffset DeviceTime,
    double Longitude,
    double Latitude,
    double? SpeedKmh,
    double? HeadingDegrees,
    bool IsIllustrative)
{
    /// <summary>The message for <paramref name="position"/>.</summary>
    /// <param name="position">A position from the board.</param>
    /// <returns>The same fields.</returns>
    public static VehiclePositionMessage From(VehiclePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new VehiclePositionMessage(position.Plate, position.DeviceTime, position.Longitude, position.Latitude, position.SpeedKmh, position.HeadingDegrees, position.IsIllustrative);
    }
}
