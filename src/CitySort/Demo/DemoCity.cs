using CitySort.Registry;

namespace CitySort.Demo;

/// <summary>
/// A generated demo city: the records to add to the registry, in stable order, and what the generator knows about
/// them (which sites break their rule and how, the illustrative waste they imply).
/// </summary>
/// <param name="Districts">Districts the registry lacked (from the spec), with illustrative boundaries.</param>
/// <param name="IllustrativeBoundaries">Illustrative boundary GeoJSON (WGS-84) by district code, for districts that have no boundary yet.</param>
/// <param name="Streets">Streets the registry lacked (from the built-in short list).</param>
/// <param name="Sites">The sites with their bins.</param>
/// <param name="Facilities">The facilities.</param>
/// <param name="Haulers">The haulers.</param>
/// <param name="Vehicles">The vehicles.</param>
/// <param name="DedicatedLines">The dedicated lines with their stops.</param>
/// <param name="Breaks">The non-compliant sites by code and how each breaks its rule; a site not listed meets its rule.</param>
/// <param name="HouseholdWasteTonnesPerDay">Waste implied by the spec's illustrative rates, tonnes per day.</param>
public sealed record DemoCity(
    IReadOnlyList<District> Districts,
    IReadOnlyDictionary<string, string> IllustrativeBoundaries,
    IReadOnlyList<Street> Streets,
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Facility> Facilities,
    IReadOnlyList<Hauler> Haulers,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<DedicatedLine> DedicatedLines,
    IReadOnlyDictionary<string, DemoBreak> Breaks,
    double HouseholdWasteTonnesPerDay)
{
    /// <summary>
    /// The existing other-waste fleet of W96-K3 (<see cref="DemoResidualFleet"/>): compactor and transfer trucks
    /// without a dedicated category, kept apart from <see cref="Vehicles"/> (the sorted-transport vehicles of W96-T2).
    /// </summary>
    public IReadOnlyList<Vehicle> ResidualFleet { get; init; } = [];
}
