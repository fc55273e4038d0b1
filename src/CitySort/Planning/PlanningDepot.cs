namespace CitySort.Planning;

/// <summary>Where an area's dedicated vehicles start and end their day.</summary>
/// <param name="Name">What the depot is, in words (e.g. "鹿城区垃圾中转站 (TS-LC)").</param>
/// <param name="Location">Where it is (WGS-84).</param>
public sealed record PlanningDepot(string Name, GeoPoint Location);
