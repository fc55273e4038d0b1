namespace CitySort.Server.Services;

/// <summary>Every registered site with its compliance, read at one moment.</summary>
/// <param name="All">Every site, retired ones included, ordered by code.</param>
/// <param name="ReadAt">When the registry was read.</param>
internal sealed record SiteSnapshot(IReadOnlyList<IndexedSite> All, DateTimeOffset ReadAt)
{
    private readonly Dictionary<string, IndexedSite> _byCode = All.ToDictionary(s => s.Site.Code, StringComparer.Ordinal);

    /// <summary>The sites in service, ordered by code: what lists, maps, counts and coverage show (a retired site only with <c>includeRetired=true</c>).</summary>
    public IReadOnlyList<IndexedSite> Sites { get; } = All.Where(s => s.Site.RetiredAt is null).ToList();

    /// <summary>The site with <paramref name="code"/>, retired or not, or null.</summary>
    public IndexedSite? Find(string code) => _byCode.GetValueOrDefault(code);
}
