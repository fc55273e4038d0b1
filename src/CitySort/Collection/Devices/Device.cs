namespace CitySort.Collection.Devices;

/// <summary>
/// A registered device (issue 9, "every device authenticates"): an on-board unit of a vehicle, a facility's
/// weighbridge or an inspector's handset, with its secret stored only as a salted PBKDF2 hash
/// (<see cref="DeviceSecretHasher"/>). Revoking keeps the row, so the events it sent stay attributable.
/// Natural key: <see cref="Id"/>.
/// </summary>
public sealed class Device
{
    /// <summary>The device id (1–64 of <c>A–Z a–z 0–9 . _ -</c>); the MQTT username and the HTTP <c>X-Device-Id</c>.</summary>
    public required string Id { get; set; }

    /// <summary>What the device is: <see cref="DeviceKind.Vehicle"/>, <see cref="DeviceKind.Weighbridge"/> or <see cref="DeviceKind.Inspector"/>.</summary>
    public required DeviceKind Kind { get; set; }

    /// <summary>The plate of the vehicle a <see cref="DeviceKind.Vehicle"/> device belongs to; otherwise null.</summary>
    public string? VehiclePlate { get; set; }

    /// <summary>The code of the facility a <see cref="DeviceKind.Weighbridge"/> belongs to; otherwise null.</summary>
    public string? FacilityCode { get; set; }

    /// <summary>The IANA time zone in which the device's times without an offset are read; null for <c>Asia/Shanghai</c>.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>
    /// The secret's hash, <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in base64); the secret itself is
    /// never stored.
    /// </summary>
    public required string SecretHash { get; set; }

    /// <summary>When the device was registered (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the device was revoked (UTC), or null while it may send.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>True once revoked: its secret no longer authenticates.</summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The identity its events carry into the intake.</summary>
    /// <returns>The identity with the device's id, kind, plate, facility and time zone.</returns>
    public DeviceIdentity ToIdentity() => new(Id, Kind, VehiclePlate, FacilityCode, TimeZoneId);
}
