namespace CitySort.Registry;

/// <summary>
/// A county-level division (kind <c>District</c>) or a profile area over streets (kind <c>Area</c>, such as the
/// development zone) with its registry counts, as <c>GET /api/districts</c> lists them.
/// </summary>
/// <param name="Code">The 6-digit division code, or the profile's area id (e.g. <c>development-zone</c>).</param>
/// <param name="Name">Chinese name (from the registry, else the profile).</param>
/// <param name="NameEn">English name from the profile, or null when the profile does not name it.</param>
/// <param name="Kind"><c>District</c> or <c>Area</c>.</param>
/// <param name="Urban">True when the plan's urban scope includes it (W96 scope).</param>
/// <param name="StreetCount">
/// Streets (township-level units) registered under it; for an area, a street registered under several codes (one
/// per vintage of the statistical codes, as the profile lists them) counts once.
/// </param>
/// <param name="CommunityCount">Communities registered under its streets.</param>
/// <param name="SiteCount">Sorting sites registered in it.</param>
/// <param name="CompliantSiteCount">Sites whose bins meet their type's rule (W96-B1..B4).</param>
/// <param name="Streets">For an area, its streets as the registry holds them (every vintage present); empty for a district.</param>
public sealed record DistrictSummary(
    string Code,
    string Name,
    string? NameEn,
    string Kind,
    bool Urban,
    int StreetCount,
    int CommunityCount,
    int SiteCount,
    int CompliantSiteCount,
    IReadOnlyList<StreetSummary> Streets)
{
    /// <summary>Of <see cref="SiteCount"/>, the illustrative (demo) sites.</summary>
    public int IllustrativeSiteCount { get; init; }

    /// <summary>True when the division itself was made up by the demo city (an area: never).</summary>
    public bool IsIllustrative { get; init; }
}
