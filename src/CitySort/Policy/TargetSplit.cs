namespace CitySort.Policy;

/// <summary>
/// One district's or area's part of a counted target (W96-T2, W96-T3). Exactly one of <see cref="DistrictCode"/>
/// and <see cref="AreaId"/> is set. A district part can leave out areas that lie inside the district in some
/// division lists (Longwan's 4 vehicles exclude the development zone, which has its own 2).
/// </summary>
/// <param name="DistrictCode">6-digit district code, or null for an area part.</param>
/// <param name="AreaId">Profile area id, or null for a district part.</param>
/// <param name="ExceptAreaIds">Areas excluded from a district part.</param>
/// <param name="Count">The number required (0 or more).</param>
public sealed record TargetSplit(string? DistrictCode, string? AreaId, IReadOnlyList<string> ExceptAreaIds, int Count);
