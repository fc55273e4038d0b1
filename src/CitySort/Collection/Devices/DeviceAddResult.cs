namespace CitySort.Collection.Devices;

/// <summary>The outcome of <see cref="DeviceService.AddAsync"/>: the device and its secret (shown once, stored only hashed), or the problems.</summary>
/// <param name="Device">The registered device, or null when refused.</param>
/// <param name="Secret">The generated secret, or null when refused; it cannot be read back later.</param>
/// <param name="Problems">Why the registration was refused; empty on success.</param>
public sealed record DeviceAddResult(Device? Device, string? Secret, IReadOnlyList<DeviceProblem> Problems)
{
    /// <summary>True when the device was registered.</summary>
    public bool Succeeded => Device is not null && Problems.Count == 0;
}
