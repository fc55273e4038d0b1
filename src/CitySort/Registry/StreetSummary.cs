namespace CitySort.Registry;

/// <summary>A street (township-level unit: 街道, 镇 or 乡) with its counts.</summary>
/// <param name="Code">The 9-digit statistical code.</param>
/// <param name="Name">Chinese name as imported.</param>
/// <param name="NameEn">English name when the profile names the street, else null.</param>
/// <param name="DistrictCode">The 6-digit code of its county-level division in the registry's hierarchy.</param>
/// <param name="AreaIds">The profile areas the street belongs to (e.g. <c>development-zone</c>).</param>
/// <param name="CommunityCount">Communities registered under it.</param>
/// <param name="SiteCount">Sorting sites registered in it.</param>
/// <param name="IsIllustrative">True when the record is illustrative (made up by the demo city), not a real one.</param>
public sealed record StreetSummary(
    string Code,
    string Name,
    string? NameEn,
    string DistrictCode,
    IReadOnlyList<string> AreaIds,
    int CommunityCount,
    int SiteCount,
    bool IsIllustrative);
