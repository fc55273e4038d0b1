namespace CitySort.Policy;

/// <summary>
/// A township-level division (街道/镇/乡) the profile names, with every statistical code it has carried in the
/// division lists CitySort imports (codes change between vintages, see the development zone).
/// </summary>
/// <param name="Codes">9-digit township codes, one per vintage that differs, e.g. <c>330303012</c> and <c>330371005</c>.</param>
/// <param name="Name">Chinese and English names; the Chinese name matches the name in the division files.</param>
/// <param name="DistrictCode">The county-level code it belongs to, when the profile states one.</param>
/// <param name="Clause">The clause that names it, when it is named for a rule (e.g. <c>W58-1</c>).</param>
/// <param name="Note">Any remark.</param>
public sealed record StreetDefinition(IReadOnlyList<string> Codes, LocalizedText Name, string? DistrictCode, string? Clause, LocalizedText? Note);
