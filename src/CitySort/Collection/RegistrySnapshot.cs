using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// The registry facts the intake checks events against, held in memory so that lookups on the hot path are
/// dictionary reads: vehicles by plate, sites by code (with their bin ids and area), facilities by code, the city's
/// extent, and the clause ids the profile knows. Immutable; <see cref="RegistrySnapshotSource"/> replaces it.
/// </summary>
public sealed class RegistrySnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="vehicles">Vehicles by plate.</param>
    /// <param name="sites">Sites by code.</param>
    /// <param name="facilities">Facilities by code.</param>
    /// <param name="extent">The box around the registry's districts, sites and facilities (WGS-84 degrees), or null when empty.</param>
    /// <param name="knownClauses">The clause ids the profile knows.</param>
    /// <param name="loadedAt">When it was loaded.</param>
    public RegistrySnapshot(
        IReadOnlyDictionary<string, VehicleFacts> vehicles,
        IReadOnlyDictionary<string, SiteRegistryFacts> sites,
        IReadOnlyDictionary<string, FacilityFacts> facilities,
        (double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)? extent,
        IReadOnlySet<string> knownClauses,
        DateTimeOffset loadedAt)
    {
        Vehicles = vehicles;
        Sites = sites;
        Facilities = facilities;
        Extent = extent;
        KnownClauses = knownClauses;
        LoadedAt = loadedAt;
    }

    /// <summary>The categories the profile leaves to the existing hauler (<see cref="SortedTransportRule.ExistingHaulerCategories"/>); empty unless set.</summary>
    public IReadOnlySet<WasteCategory> ExistingHaulerCategories { get; init; } = new HashSet<WasteCategory>();

    /// <summary>Vehicles by plate.</summary>
    public IReadOnlyDictionary<string, VehicleFacts> Vehicles { get; }

    /// <summary>Sites by code.</summary>
    public IReadOnlyDictionary<string, SiteRegistryFacts> Sites { get; }

    /// <summary>Facilities by code.</summary>
    public IReadOnlyDictionary<string, FacilityFacts> Facilities { get; }

    /// <summary>The box around the registry's district boundaries, sites and facilities in WGS-84 degrees; null for an empty registry.</summary>
    public (double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)? Extent { get; }

    /// <summary>The clause ids the profile knows (every <c>clause</c> it carries, such as <c>W96-K5</c>).</summary>
    public IReadOnlySet<string> KnownClauses { get; }

    /// <summary>When the snapshot was loaded (by the intake's clock).</summary>
    public DateTimeOffset LoadedAt { get; }
}
