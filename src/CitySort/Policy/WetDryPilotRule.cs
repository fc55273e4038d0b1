namespace CitySort.Policy;

/// <summary>The wet/dry (kitchen-waste) pilot of W96-B1: each district picks 1–2 managed compounds that add C4 bins.</summary>
/// <param name="Clause">The clause, <c>W96-B1</c>.</param>
/// <param name="MinPerDistrict">Least number of pilot compounds per district (1 in Wenzhou 2015).</param>
/// <param name="MaxPerDistrict">Most pilot compounds per district (2 in Wenzhou 2015).</param>
/// <param name="RequiresPropertyManagement">Whether a pilot compound must have property management.</param>
/// <param name="Note">The plan's wording, shortened.</param>
public sealed record WetDryPilotRule(string Clause, int MinPerDistrict, int MaxPerDistrict, bool RequiresPropertyManagement, LocalizedText? Note);
