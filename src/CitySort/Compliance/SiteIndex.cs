using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Compliance;

/// <summary>
/// The compliance index: every registered site with the names of its places and its bin-rule result
/// (<see cref="BinRuleEvaluator"/>, W96-B1..B4), kept in memory so that the site list, the map, the division counts and
/// coverage (W96-T1) filter and count without re-reading the registry on each request. The snapshot is dropped after
/// an import or an edit through the server (<see cref="Invalidate"/>) and re-read at most <see cref="MaxAge"/> after
/// it was taken, by the clock of <see cref="TimeProvider"/> (imports by the command line in another process show up then).
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="profile">The profile in force: the bin rules, the areas and the English names of places.</param>
/// <param name="time">The clock that ages the snapshot.</param>
public sealed class SiteIndex(IDbContextFactory<CitySortDbContext> contextFactory, PolicyProfile profile, TimeProvider time) : IDisposable
{
    /// <summary>How long a snapshot is used before the registry is read again: 30 s.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SiteSnapshot? _snapshot;

    /// <summary>The current snapshot, reading the registry when there is none or it is <see cref="MaxAge"/> old or older.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot; concurrent callers share one read.</returns>
    public async Task<SiteSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _snapshot);
        if (IsFresh(current))
        {
            return current!;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = Volatile.Read(ref _snapshot);
            if (IsFresh(current))
            {
                return current!;
            }

            current = await ReadAsync(cancellationToken);
            Volatile.Write(ref _snapshot, current);
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the snapshot, so the next read sees the registry as it is now (after an import or an edit).</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private bool IsFresh(SiteSnapshot? snapshot) => snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < MaxAge;

    private async Task<SiteSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Bins).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var districts = await db.Districts.AsNoTracking().Select(d => new { d.Code, d.NameZh, d.NameEn }).ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var streets = await db.Streets.AsNoTracking().Select(s => new { s.Code, s.Name }).ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Code, c.Name }).ToDictionaryAsync(c => c.Code, c => c.Name, StringComparer.Ordinal, cancellationToken);

        var indexed = new List<IndexedSite>(sites.Count);
        foreach (var site in sites)
        {
            var streetName = site.StreetCode is null ? null : streets.GetValueOrDefault(site.StreetCode);
            var facts = SiteFactsMapper.ToFacts(site, streetName);
            indexed.Add(new IndexedSite(
                site,
                districts.GetValueOrDefault(site.DistrictCode)?.NameZh,
                streetName,
                PlaceNames.DistrictEn(profile, site.DistrictCode, districts.GetValueOrDefault(site.DistrictCode)?.NameEn),
                site.StreetCode is null ? null : PlaceNames.StreetEn(profile, site.StreetCode, streetName),
                site.CommunityCode is null ? null : communities.GetValueOrDefault(site.CommunityCode),
                profile.ResolveArea(site.StreetCode, streetName).Select(a => a.Id).ToArray(),
                facts,
                BinRuleEvaluator.Evaluate(profile, facts)));
        }

        return new SiteSnapshot(indexed, readAt);
    }
}
