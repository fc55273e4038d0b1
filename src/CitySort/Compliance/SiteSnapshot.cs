namespace CitySort.Compliance;

/// <summary>Every registered site with its compliance, read at one moment (see <see cref="SiteIndex"/>).</summary>
/// <param name="Sites">The sites, ordered by code (ordinal).</param>
/// <param name="ReadAt">When the registry was read (UTC, from the index's <see cref="TimeProvider"/>).</param>
public sealed record SiteSnapshot(IReadOnlyList<IndexedSite> Sites, DateTimeOffset ReadAt)
{
    private readonly Dictionary<string, IndexedSite> _byCode = Sites.ToDictionary(s => s.Site.Code, StringComparer.Ordinal);

    /// <summary>The site with <paramref name="code"/> (exact, case-sensitive), or null.</summary>
    /// <param name="code">The site code.</param>
    /// <returns>The site, or null when no site has the code.</returns>
    public IndexedSite? Find(string code) => _byCode.GetValueOrDefault(code);
}
