namespace CitySort.Collection.Devices;

/// <summary>What <see cref="DeviceService.RevokeAsync"/> did.</summary>
public enum DeviceRevokeOutcome
{
    /// <summary>The device was active and is now revoked.</summary>
    Revoked = 1,

    /// <summary>The device was revoked before; nothing changed.</summary>
    AlreadyRevoked = 2,

    /// <summary>No device has that id.</summary>
    Unknown = 3,
}
