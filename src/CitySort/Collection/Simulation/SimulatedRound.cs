namespace CitySort.Collection.Simulation;

/// <summary>
/// One trip of the other-waste fleet that the simulator laid out itself (the dedicated lines' trips come from the
/// stored plans): a compactor truck collecting sites in order and unloading at its area's transfer station.
/// </summary>
/// <param name="VehiclePlate">The compactor truck.</param>
/// <param name="FacilityCode">The transfer station it unloads at.</param>
/// <param name="SiteCodes">The sites collected, in order.</param>
public sealed record SimulatedRound(string VehiclePlate, string FacilityCode, IReadOnlyList<string> SiteCodes);
