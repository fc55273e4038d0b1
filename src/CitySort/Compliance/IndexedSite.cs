using CitySort.Compliance;
using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>A registered site with the names of its places and its bin-rule result (W96-B1..B4), as <see cref="SiteIndex"/> holds it.</summary>
/// <param name="Site">The site with its bins (detached from any context).</param>
/// <param name="DistrictName">The Chinese name of its district, or null when the district has no name yet.</param>
/// <param name="StreetName">The Chinese name of its street, or null.</param>
/// <param name="DistrictNameEn">The English name of its district (profile, else registry), or null.</param>
/// <param name="StreetNameEn">The English name of its street when the profile names it, else null.</param>
/// <param name="CommunityName">The Chinese name of its community, or null.</param>
/// <param name="AreaIds">The profile areas its street belongs to (e.g. <c>development-zone</c>).</param>
/// <param name="Facts">The facts the rules read.</param>
/// <param name="Compliance">The result of its type's bin rule (W96-B1..B4).</param>
public sealed record IndexedSite(
    Site Site,
    string? DistrictName,
    string? StreetName,
    string? DistrictNameEn,
    string? StreetNameEn,
    string? CommunityName,
    IReadOnlyList<string> AreaIds,
    SiteFacts Facts,
    SiteCompliance Compliance);
