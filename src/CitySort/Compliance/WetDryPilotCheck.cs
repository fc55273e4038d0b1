namespace CitySort.Compliance;

/// <summary>
/// Whether a district has picked its 1–2 wet/dry pilot compounds, each with property management (W96-B1).
/// </summary>
/// <param name="DistrictCode">The urban district's code.</param>
/// <param name="Clause">The clause, <c>W96-B1</c>.</param>
/// <param name="PilotSiteCodes">The district's compounds marked as pilots.</param>
/// <param name="MinPerDistrict">Least number of pilots (1).</param>
/// <param name="MaxPerDistrict">Most pilots (2).</param>
/// <param name="WithoutPropertyManagement">Pilot compounds without property management, when the rule requires it.</param>
/// <param name="IsMet">True when the number is within bounds and every pilot is managed as required.</param>
public sealed record WetDryPilotCheck(
    string DistrictCode,
    string Clause,
    IReadOnlyList<string> PilotSiteCodes,
    int MinPerDistrict,
    int MaxPerDistrict,
    IReadOnlyList<string> WithoutPropertyManagement,
    bool IsMet);
