namespace CitySort.Registry;

/// <summary>A county-level division as the registry holds it, the part <see cref="DivisionSummaries"/> reads.</summary>
/// <param name="Code">The 6-digit division code.</param>
/// <param name="NameZh">The Chinese name as imported.</param>
/// <param name="NameEn">The English name the registry holds, or null.</param>
/// <param name="IsIllustrative">True when the demo city made it up.</param>
public sealed record RegisteredDistrict(string Code, string NameZh, string? NameEn, bool IsIllustrative);
