using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Security;

namespace CitySort.Registry;

/// <summary>
/// The sites of the compliance index (<see cref="SiteIndex"/>) as the site list, the map and the site page read them:
/// filtered (<see cref="SiteFilter"/>), paged, or one by code; always within the reader's <see cref="AccessScope"/>
/// (a district officer sees the sites of the account's districts only, and no other site exists for it).
/// </summary>
/// <param name="index">The compliance index.</param>
/// <param name="profile">The profile in force (its areas stand for districts in a filter).</param>
public sealed class SiteQueryService(SiteIndex index, PolicyProfile profile)
{
    /// <summary>Sites per page when the request names none.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page served.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Why <paramref name="page"/> and <paramref name="pageSize"/> cannot be served, in both languages, or null when they can.</summary>
    /// <param name="page">The page number asked for (from 1).</param>
    /// <param name="pageSize">The page size asked for (1..<see cref="MaxPageSize"/>).</param>
    /// <returns>The problem, or null.</returns>
    public static LocalizedText? PagingProblem(int page, int pageSize)
    {
        if (page < 1)
        {
            return new LocalizedText("page 须为 1 或以上（现为 " + page + "）。", "page must be 1 or more (it was " + page + ").");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return new LocalizedText(
                "pageSize 须在 1 到 " + MaxPageSize + " 之间（现为 " + pageSize + "）。",
                "pageSize must be between 1 and " + MaxPageSize + " (it was " + pageSize + ").");
        }

        return null;
    }

    /// <summary>Page <paramref name="page"/> of the sites <paramref name="filter"/> lets through, ordered by code.</summary>
    /// <param name="scope">The reader's scope (the whole city, or a district officer's districts).</param>
    /// <param name="filter">The filter.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Sites per page, 1..<see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; a page past the last is empty, with the total.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="PagingProblem"/> refuses the page (check it first).</exception>
    public async Task<SitePage> ListAsync(AccessScope scope, SiteFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        if (PagingProblem(page, pageSize) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(page), problem.En);
        }

        var snapshot = await index.GetAsync(cancellationToken);
        var matching = filter.Apply(InScope(scope, filter.IncludeRetired ? snapshot.All : snapshot.Sites), profile).ToList();
        var items = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new SitePage(items, matching.Count, page, pageSize);
    }

    /// <summary>Every site, or a district's or area's, for the map.</summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="district">A district code or an area id, or null for every site.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sites, ordered by code.</returns>
    public async Task<IReadOnlyList<IndexedSite>> PointsAsync(AccessScope scope, string? district, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var snapshot = await index.GetAsync(cancellationToken);
        return new SiteFilter(District: district).Apply(InScope(scope, snapshot.Sites), profile).ToList();
    }

    /// <summary>The site with <paramref name="code"/>, or null (also when it lies outside <paramref name="scope"/>).</summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="code">The site code (exact).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The site with its compliance, or null.</returns>
    public async Task<IndexedSite?> FindAsync(AccessScope scope, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var snapshot = await index.GetAsync(cancellationToken);
        return snapshot.Find(code) is { } site && scope.Allows(site.Site.DistrictCode) ? site : null;
    }

    private static IEnumerable<IndexedSite> InScope(AccessScope scope, IEnumerable<IndexedSite> sites) =>
        scope.IsCityWide ? sites : sites.Where(s => scope.Allows(s.Site.DistrictCode));
}
