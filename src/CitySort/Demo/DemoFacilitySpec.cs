using CitySort.Registry;

namespace CitySort.Demo;

/// <summary>A facility of the demo city; point, gate fee and capacity are illustrative (the plan gives none).</summary>
/// <param name="Code">Facility code.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">Kind.</param>
/// <param name="AcceptedCategories">Categories accepted.</param>
/// <param name="AcceptedStreams">Special streams accepted.</param>
/// <param name="Longitude">Illustrative WGS-84 longitude.</param>
/// <param name="Latitude">Illustrative WGS-84 latitude.</param>
/// <param name="GateFeeYuanPerTonne">Illustrative gate fee, yuan per tonne.</param>
/// <param name="DailyCapacityTonnes">Illustrative capacity, tonnes per day.</param>
/// <param name="Clause">The clause that names the facility.</param>
public sealed record DemoFacilitySpec(
    string Code,
    string Name,
    FacilityKind Kind,
    IReadOnlyList<WasteCategory> AcceptedCategories,
    IReadOnlyList<SpecialStream> AcceptedStreams,
    double Longitude,
    double Latitude,
    decimal GateFeeYuanPerTonne,
    decimal DailyCapacityTonnes,
    string? Clause);
