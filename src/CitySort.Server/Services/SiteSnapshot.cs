namespace CitySort.Server.Services;

/// <summary>Every registered site with its compliance, read at one moment.</summary>
/// <param name="Sites">The sites, ordered by code.</param>
/// <param name="ReadAt">When the registry was read.</param>
internal sealed record SiteSnapshot(IReadOnlyList<IndexedSite> Sites, DateTimeOffset ReadAt)
{
    private readonly Dictionary<string, IndexedSite> _byCode = Sites.ToDictionary(s => s.Site.Code, StringComparer.Ordinal);

    /// <summary>The site with <paramref name="code"/>, or null.</summary>
    public IndexedSite? Find(string code) => _byCode.GetValueOrDefault(code);
}
