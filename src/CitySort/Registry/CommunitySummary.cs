namespace CitySort.Registry;

/// <summary>A community (village-level unit: 社区, 居委会 or 村委会) of a street.</summary>
/// <param name="Code">12-digit statistical code.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="StreetCode">9-digit code of its street.</param>
/// <param name="Households">Resident households when known (W96-W2 counts persuaders per 500), else null.</param>
/// <param name="SiteCount">Sorting sites registered in it.</param>
/// <param name="IsIllustrative">True when the record is illustrative (made up by the demo city), not a real one.</param>
public sealed record CommunitySummary(string Code, string Name, string StreetCode, int? Households, int SiteCount, bool IsIllustrative);
