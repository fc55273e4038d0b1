namespace CitySort.Policy;

/// <summary>
/// The area the plan governs (城区, the urban area): its districts and its areas such as the development zone (W96).
/// </summary>
/// <param name="Clause">The clause that sets the scope (<c>W96</c>).</param>
/// <param name="DistrictCodes">6-digit codes of the urban districts, e.g. 330302, 330303, 330304, 330305.</param>
/// <param name="AreaIds">Ids of the profile areas in scope, e.g. <c>development-zone</c>.</param>
/// <param name="Note">Any remark.</param>
public sealed record ProfileScope(string Clause, IReadOnlyList<string> DistrictCodes, IReadOnlyList<string> AreaIds, LocalizedText? Note);
