using System.Collections;
using System.Reflection;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection;

/// <summary>
/// Loads the <see cref="RegistrySnapshot"/> through EF Core and keeps it fresh: a snapshot older than
/// <see cref="CollectionOptions.RegistryRefreshInterval"/> is reloaded, and a lookup miss reloads one older than
/// <see cref="CollectionOptions.RegistryMissRefresh"/> (so a vehicle registered a moment ago is known).
/// Thread-safe; one load at a time.
/// </summary>
public sealed class RegistrySnapshotSource
{
    private readonly IDbContextFactory<CitySortDbContext> contexts;
    private readonly PolicyProfile profile;
    private readonly TimeProvider clock;
    private readonly CollectionOptions options;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IReadOnlySet<string> clauses;
    private RegistrySnapshot? current;

    /// <summary>Creates the source.</summary>
    /// <param name="contexts">Creates registry contexts.</param>
    /// <param name="profile">The policy profile (clause ids, areas).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Refresh intervals.</param>
    public RegistrySnapshotSource(IDbContextFactory<CitySortDbContext> contexts, PolicyProfile profile, TimeProvider clock, CollectionOptions options)
    {
        this.contexts = contexts;
        this.profile = profile;
        this.clock = clock;
        this.options = options;
        clauses = ClausesOf(profile);
    }

    /// <summary>The current snapshot, reloaded when older than the refresh interval.</summary>
    /// <param name="cancellationToken">Cancels a reload.</param>
    public async ValueTask<RegistrySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < options.RegistryRefreshInterval)
        {
            return snapshot;
        }

        return await ReloadAsync(snapshot, cancellationToken);
    }

    /// <summary>The snapshot after a lookup miss: reloaded when it is older than <see cref="CollectionOptions.RegistryMissRefresh"/>.</summary>
    /// <param name="missed">The snapshot that missed.</param>
    /// <param name="cancellationToken">Cancels a reload.</param>
    public async ValueTask<RegistrySnapshot> AfterMissAsync(RegistrySnapshot missed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(missed);
        if (clock.GetUtcNow() - missed.LoadedAt < options.RegistryMissRefresh)
        {
            return current ?? missed;
        }

        return await ReloadAsync(missed, cancellationToken);
    }

    /// <summary>Forgets the snapshot, so the next lookup reloads (after an import).</summary>
    public void Invalidate() => current = null;

    private async Task<RegistrySnapshot> ReloadAsync(RegistrySnapshot? seen, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is not null && !ReferenceEquals(current, seen))
            {
                return current;
            }

            current = await LoadAsync(cancellationToken);
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RegistrySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        var vehicles = (await db.Vehicles.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(v => v.Plate, v => new VehicleFacts(v.Plate, v.DistrictCode, v.AreaCode, v.CapacityKg, v.DedicatedCategory, v.DedicatedStream, v.RetiredAt) { Sealed = v.Sealed, HaulerCode = v.HaulerCode }, StringComparer.Ordinal);
        var siteRows = await db.Sites.AsNoTracking()
            .Select(s => new { s.Code, s.DistrictCode, s.StreetCode, s.Longitude, s.Latitude, s.RetiredAt })
            .ToListAsync(cancellationToken);
        var bins = (await db.Bins.AsNoTracking().Select(b => new { b.Id, b.SiteCode }).ToListAsync(cancellationToken))
            .ToLookup(b => b.SiteCode, b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var sites = siteRows.ToDictionary(
            s => s.Code,
            s => new SiteRegistryFacts(s.Code, s.DistrictCode, AreaOf(s.DistrictCode, s.StreetCode, s.StreetCode is null ? null : streets.GetValueOrDefault(s.StreetCode)), bins[s.Code].ToHashSet(StringComparer.Ordinal), s.RetiredAt),
            StringComparer.Ordinal);
        var facilityRows = await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var facilities = facilityRows.ToDictionary(
            f => f.Code,
            f => new FacilityFacts(f.Code, f.Kind, f.AcceptedCategories.ToHashSet(), f.AcceptedStreams.ToHashSet(), f.RetiredAt),
            StringComparer.Ordinal);
        var boxes = await db.Districts.AsNoTracking()
            .Where(d => d.MinLongitude != null && d.MinLatitude != null && d.MaxLongitude != null && d.MaxLatitude != null)
            .Select(d => new { d.MinLongitude, d.MinLatitude, d.MaxLongitude, d.MaxLatitude })
            .ToListAsync(cancellationToken);

        var points = siteRows.Select(s => (s.Longitude, s.Latitude))
            .Concat(facilityRows.Select(f => (f.Longitude, f.Latitude)))
            .Concat(boxes.Select(b => (b.MinLongitude!.Value, b.MinLatitude!.Value)))
            .Concat(boxes.Select(b => (b.MaxLongitude!.Value, b.MaxLatitude!.Value)))
            .Where(p => p.Item1 != 0 || p.Item2 != 0)
            .ToList();
        (double, double, double, double)? extent = points.Count == 0
            ? null
            : (points.Min(p => p.Item1), points.Min(p => p.Item2), points.Max(p => p.Item1), points.Max(p => p.Item2));
        return new RegistrySnapshot(vehicles, sites, facilities, extent, clauses, clock.GetUtcNow())
        {
            ExistingHaulerCategories = SortedTransportRule.ExistingHaulerCategories(profile),
        };
    }

    private string AreaOf(string districtCode, string? streetCode, string? streetName) =>
        profile.ResolveArea(streetCode, streetName).FirstOrDefault()?.Id ?? districtCode;

    /// <summary>Every <c>Clause</c> text the profile carries, found by walking its records.</summary>
    private static HashSet<string> ClausesOf(PolicyProfile profile)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(profile, found, seen, 0);
        return found;
    }

    private static void Walk(object? value, HashSet<string> found, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || depth > 12 || value.GetType().IsPrimitive || value is decimal or DateOnly or TimeOnly or Enum)
        {
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable list)
        {
            foreach (var item in list)
            {
                Walk(item, found, seen, depth + 1);
            }

            return;
        }

        if (value.GetType().Namespace?.StartsWith("CitySort", StringComparison.Ordinal) != true && !value.GetType().IsGenericType)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var item = property.GetValue(value);
            if (item is string text)
            {
                if (property.Name == "Clause" && text.Length > 0)
                {
                    found.Add(text);
                }
            }
            else
            {
                Walk(item, found, seen, depth + 1);
            }
        }
    }
}
