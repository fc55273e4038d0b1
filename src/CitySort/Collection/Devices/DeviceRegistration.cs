namespace CitySort.Collection.Devices;

/// <summary>What <see cref="DeviceService.AddAsync"/> registers (<c>citysort devices add</c>).</summary>
/// <param name="Id">The device id: 1–64 of <c>A–Z a–z 0–9 . _ -</c> (it is also an MQTT username and topic level).</param>
/// <param name="Kind"><see cref="DeviceKind.Vehicle"/>, <see cref="DeviceKind.Weighbridge"/> or <see cref="DeviceKind.Inspector"/>.</param>
/// <param name="VehiclePlate">The registered vehicle a vehicle device belongs to (required for, and only for, vehicles).</param>
/// <param name="FacilityCode">The registered facility a weighbridge belongs to (required for, and only for, weighbridges).</param>
/// <param name="TimeZoneId">An IANA time zone for the device's times without an offset, or null for <c>Asia/Shanghai</c>.</param>
public sealed record DeviceRegistration(
    string Id,
    DeviceKind Kind,
    string? VehiclePlate = null,
    string? FacilityCode = null,
    string? TimeZoneId = null);
