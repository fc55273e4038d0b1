namespace CitySort.Collection;

/// <summary>
/// The authenticated device an event arrived from. The doors (MQTT, HTTP, CSV) establish it; the intake checks every
/// event against it (a vehicle's device speaks only for <see cref="VehiclePlate"/>, a weighbridge only for
/// <see cref="FacilityCode"/>) and de-duplicates event ids per <see cref="DeviceId"/>.
/// </summary>
/// <param name="DeviceId">The device's registered id (ASCII, at most 64 characters); events are idempotent per device.</param>
/// <param name="Kind">What the device is.</param>
/// <param name="VehiclePlate">The plate a <see cref="DeviceKind.Vehicle"/> device belongs to; otherwise null.</param>
/// <param name="FacilityCode">The facility a <see cref="DeviceKind.Weighbridge"/> belongs to; otherwise null.</param>
/// <param name="TimeZoneId">
/// The IANA zone in which the device's times without an offset are read; null means <c>Asia/Shanghai</c>
/// (docs/events.md, "Times").
/// </param>
public sealed record DeviceIdentity(
    string DeviceId,
    DeviceKind Kind,
    string? VehiclePlate = null,
    string? FacilityCode = null,
    string? TimeZoneId = null)
{
    /// <summary>The zone used when a device names none: the business day is the Asia/Shanghai calendar day.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>True for the anonymous demo device, whose events are illustrative.</summary>
    public bool IsDemo => Kind == DeviceKind.Demo;
}
