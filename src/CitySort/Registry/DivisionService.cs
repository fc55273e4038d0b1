using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Registry;

/// <summary>
/// Reads the division hierarchy (districts → streets → communities) with its counts: the registry's records from the
/// database, the sites from the compliance index (<see cref="SiteIndex"/>), counted by <see cref="DivisionSummaries"/>.
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="index">The compliance index.</param>
/// <param name="profile">The profile in force (urban scope, areas, English names).</param>
public sealed class DivisionService(IDbContextFactory<CitySortDbContext> contextFactory, SiteIndex index, PolicyProfile profile)
{
    /// <summary>The urban districts, then the profile's areas; see <see cref="DivisionSummaries.Districts"/>.</summary>
    /// <param name="all">True to add every registered division outside the urban scope.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries.</returns>
    public async Task<IReadOnlyList<DistrictSummary>> DistrictsAsync(bool all, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(cancellationToken);
        var snapshot = await index.GetAsync(cancellationToken);
        return DivisionSummaries.Districts(profile, records, snapshot.Sites, all);
    }

    /// <summary>The streets of a district or a profile area; see <see cref="DivisionSummaries.Streets"/>.</summary>
    /// <param name="code">A 6-digit district code or an area id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The streets, or null when no district or area has the code.</returns>
    public async Task<IReadOnlyList<StreetSummary>?> StreetsAsync(string code, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(cancellationToken);
        var snapshot = await index.GetAsync(cancellationToken);
        return DivisionSummaries.Streets(profile, records, snapshot.Sites, code);
    }

    /// <summary>The communities of a street, ordered by code, each with the sites registered in it.</summary>
    /// <param name="streetCode">The 9-digit street code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The communities, or null when no street has the code.</returns>
    public async Task<IReadOnlyList<CommunitySummary>?> CommunitiesAsync(string streetCode, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Streets.AnyAsync(s => s.Code == streetCode, cancellationToken))
        {
            return null;
        }

        var communities = await db.Communities.AsNoTracking().Where(c => c.StreetCode == streetCode).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var sites = (await index.GetAsync(cancellationToken)).Sites;
        return communities
            .Select(c => new CommunitySummary(c.Code, c.Name, c.StreetCode, c.Households, sites.Count(s => s.Site.CommunityCode == c.Code), c.IsIllustrative))
            .ToList();
    }

    private async Task<DivisionRecords> RecordsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new RegisteredDistrict(d.Code, d.NameZh, d.NameEn, d.IsIllustrative)).ToListAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking()
            .Select(s => new RegisteredStreet(s.Code, s.Name, s.DistrictCode, s.IsIllustrative)).ToListAsync(cancellationToken);
        var communityCounts = await db.Communities.AsNoTracking()
            .GroupBy(c => c.StreetCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken);
        return new DivisionRecords(districts, streets, communityCounts);
    }
}
