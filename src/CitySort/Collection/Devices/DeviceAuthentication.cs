namespace CitySort.Collection.Devices;

/// <summary>The outcome of <see cref="DeviceService.AuthenticateAsync"/>: the device's identity, or why not.</summary>
/// <param name="Identity">The identity its events carry, or null when it did not authenticate.</param>
/// <param name="Failure">Why it did not authenticate, or null on success.</param>
public sealed record DeviceAuthentication(DeviceIdentity? Identity, DeviceAuthenticationFailure? Failure)
{
    /// <summary>True when the device authenticated.</summary>
    public bool Succeeded => Identity is not null;

    /// <summary>A stable code for the failure: <c>missing-credentials</c>, <c>unknown-device</c>, <c>revoked-device</c>, <c>wrong-secret</c>; null on success.</summary>
    public string? ReasonCode => Failure switch
    {
        DeviceAuthenticationFailure.MissingCredentials => "missing-credentials",
        DeviceAuthenticationFailure.UnknownDevice => "unknown-device",
        DeviceAuthenticationFailure.Revoked => "revoked-device",
        DeviceAuthenticationFailure.WrongSecret => "wrong-secret",
        _ => null,
    };

    /// <summary>The failure in English, or null on success.</summary>
    public string? Reason => Failure switch
    {
        DeviceAuthenticationFailure.MissingCredentials => "The request names no device: send the device id and its key.",
        DeviceAuthenticationFailure.UnknownDevice => "No device is registered with this id.",
        DeviceAuthenticationFailure.Revoked => "This device has been revoked; register a new device to send again.",
        DeviceAuthenticationFailure.WrongSecret => "The key is not this device's key.",
        _ => null,
    };

    /// <summary>The failure in Chinese, or null on success.</summary>
    public string? ReasonZh => Failure switch
    {
        DeviceAuthenticationFailure.MissingCredentials => "请求未给出设备：请发送设备编号及其密钥。",
        DeviceAuthenticationFailure.UnknownDevice => "没有以此编号登记的设备。",
        DeviceAuthenticationFailure.Revoked => "此设备已被注销；如需继续上报，请登记新设备。",
        DeviceAuthenticationFailure.WrongSecret => "密钥与此设备不符。",
        _ => null,
    };

    /// <summary>A successful authentication.</summary>
    /// <param name="identity">The device's identity.</param>
    public static DeviceAuthentication Success(DeviceIdentity identity) => new(identity, null);

    /// <summary>A failed authentication.</summary>
    /// <param name="failure">Why.</param>
    public static DeviceAuthentication Fail(DeviceAuthenticationFailure failure) => new(null, failure);
}
