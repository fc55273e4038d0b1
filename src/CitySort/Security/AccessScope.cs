namespace CitySort.Security;

/// <summary>
/// What part of the city a reader may see and change: the whole city, the districts of a district officer's account,
/// or the vehicles of a hauler's account. The query services filter by it (scoping in the data, not the page).
/// </summary>
/// <param name="DistrictCodes">The district codes allowed, or null for the whole city; empty for a hauler (no district is its).</param>
/// <param name="HaulerCode">The hauler whose vehicles (and their lines and violations) a hauler account reads, or null.</param>
public sealed record AccessScope(IReadOnlyList<string>? DistrictCodes, string? HaulerCode = null)
{
    /// <summary>The scope of a hauler account: its vehicles, no district.</summary>
    /// <param name="haulerCode">The hauler's code.</param>
    /// <returns>The scope.</returns>
    public static AccessScope OfHauler(string haulerCode) => new([], haulerCode);

    /// <summary>The whole city.</summary>
    public static AccessScope City { get; } = new((IReadOnlyList<string>?)null);

    /// <summary>Whether the scope is the whole city.</summary>
    public bool IsCityWide => DistrictCodes is null && HaulerCode is null;

    /// <summary>Whether a record of district <paramref name="districtCode"/> is in the scope.</summary>
    /// <param name="districtCode">A district code (six digits), or null for a record of no district.</param>
    public bool Allows(string? districtCode) => DistrictCodes is null || (districtCode is not null && DistrictCodes.Contains(districtCode, StringComparer.Ordinal));
}
