namespace CitySort.Compliance;

/// <summary>Every registered site with its compliance, read at one moment (see <see cref="SiteIndex"/>).</summary>
/// <param name="All">Every site, retired ones included, ordered by code (ordinal).</param>
/// <param name="ReadAt">When the registry was read (UTC, from the index's <see cref="TimeProvider"/>).</param>
public sealed record SiteSnapshot(IReadOnlyList<IndexedSite> All, DateTimeOffset ReadAt)
{
    private readonly Dictionary<string, IndexedSite> _byCode = All.ToDictionary(s => s.Site.Code, StringComparer.Ordinal);

    /// <summary>
    /// The sites in service, ordered by code: what lists, maps, counts and coverage show (a retired site appears only
    /// where <c>includeRetired=true</c> is asked).
    /// </summary>
    public IReadOnlyList<IndexedSite> Sites { get; } = All.Where(s => s.Site.RetiredAt is null).ToList();

    /// <summary>The site with <paramref name="code"/> (exact, case-sensitive), retired or not, or null.</summary>
    /// <param name="code">The site code.</param>
    /// <returns>The site, or null when no site has the code.</returns>
    public IndexedSite? Find(string code) => _byCode.GetValueOrDefault(code);
}
