using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// A vehicle emptied a site's bin or bins (W96-K, W96-T1 "collected sorted"). Exactly one of
/// <see cref="Category"/> and <see cref="Stream"/> is set.
/// </summary>
/// <param name="EventId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceTime">See <see cref="CollectionEvent"/>.</param>
/// <param name="IsIllustrative">See <see cref="CollectionEvent"/>.</param>
/// <param name="VehiclePlate">The collecting vehicle's plate (registry natural key).</param>
/// <param name="SiteCode">The site's code (registry natural key).</param>
/// <param name="BinId">The bin's id where the device knows it; otherwise null.</param>
/// <param name="Category">The category collected (W96-C1..C4), or null for a special stream.</param>
/// <param name="Stream">The special stream collected (W96-C5), or null.</param>
/// <param name="EstimatedKg">The device's estimate of the mass collected, in kilograms (≥ 0).</param>
/// <param name="Point">Where the vehicle was, when the device sent it.</param>
public sealed record PickupEvent(
    string EventId,
    string DeviceId,
    DateTimeOffset DeviceTime,
    bool IsIllustrative,
    string VehiclePlate,
    string SiteCode,
    string? BinId,
    WasteCategory? Category,
    SpecialStream? Stream,
    decimal EstimatedKg,
    EventPoint? Point) : CollectionEvent(EventId, DeviceId, DeviceTime, IsIllustrative)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.Pickup;
}
