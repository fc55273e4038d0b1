namespace CitySort.Collection;

/// <summary>
/// The intake's plausibility limits and its registry refresh (docs/events.md, "Times" and "Reason codes").
/// </summary>
public sealed record CollectionOptions
{
    /// <summary>How far ahead of the server's clock a device time may be (clock drift); beyond it: <c>future-time</c>. Default 5 minutes.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a device time may be; beyond it: <c>too-old</c>. Default 400 days (a year-end import of last year's tickets fits).</summary>
    public TimeSpan MaxEventAge { get; init; } = TimeSpan.FromDays(400);

    /// <summary>The margin in kilometres around the registry's extent beyond which a point is <c>outside-city</c>. Default 20 km.</summary>
    public double CityMarginKm { get; init; } = 20;

    /// <summary>The largest |net − (gross − tare)| in kilograms still taken as equal (weighbridge rounding). Default 0.5 kg.</summary>
    public decimal NetToleranceKg { get; init; } = 0.5m;

    /// <summary>How long a registry snapshot serves lookups before it is reloaded. Default 30 seconds; a lookup that
    /// misses reloads a snapshot older than <see cref="RegistryMissRefresh"/> at once.</summary>
    public TimeSpan RegistryRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The age after which a lookup miss (an unknown plate, site or facility) reloads the snapshot before refusing. Default 2 seconds.</summary>
    public TimeSpan RegistryMissRefresh { get; init; } = TimeSpan.FromSeconds(2);
}
