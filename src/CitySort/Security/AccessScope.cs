namespace CitySort.Security;

/// <summary>
/// What part of the city a reader may see and change: the whole city, or the districts of a district officer's
/// account. The query services filter by it (scoping in the data, not the page).
/// </summary>
/// <param name="DistrictCodes">The district codes allowed, or null for the whole city.</param>
public sealed record AccessScope(IReadOnlyList<string>? DistrictCodes)
{
    /// <summary>The whole city.</summary>
    public static AccessScope City { get; } = new((IReadOnlyList<string>?)null);

    /// <summary>Whether the scope is the whole city.</summary>
    public bool IsCityWide => DistrictCodes is null;

    /// <summary>Whether a record of district <paramref name="districtCode"/> is in the scope.</summary>
    /// <param name="districtCode">A district code (six digits), or null for a record of no district.</param>
    public bool Allows(string? districtCode) => DistrictCodes is null || (districtCode is not null && DistrictCodes.Contains(districtCode, StringComparer.Ordinal));
}
