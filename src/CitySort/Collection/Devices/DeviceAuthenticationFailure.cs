namespace CitySort.Collection.Devices;

/// <summary>Why a device did not authenticate (<see cref="DeviceService.AuthenticateAsync"/>).</summary>
public enum DeviceAuthenticationFailure
{
    /// <summary>No id or no secret was presented.</summary>
    MissingCredentials = 1,

    /// <summary>No device has that id.</summary>
    UnknownDevice = 2,

    /// <summary>The device was revoked.</summary>
    Revoked = 3,

    /// <summary>The secret is not the device's.</summary>
    WrongSecret = 4,
}
