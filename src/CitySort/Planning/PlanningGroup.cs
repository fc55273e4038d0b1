using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>
/// Everything one plan needs: an area's dedicated vehicles of one category, their depot, the facilities accepting the
/// category, the due sites and the profile's rules. The travel matrix runs over <see cref="Points"/>.
/// </summary>
/// <param name="Date">The business day.</param>
/// <param name="AreaCode">The planning area.</param>
/// <param name="DistrictCode">The area's district.</param>
/// <param name="Category">The category.</param>
/// <param name="Rules">The profile's planning rules.</param>
/// <param name="ProfileId">The profile's id.</param>
/// <param name="ProfileVersion">The profile's version.</param>
/// <param name="Vehicles">The area's dedicated vehicles of the category (at least one).</param>
/// <param name="Depot">Where they start and end.</param>
/// <param name="Facilities">Facilities accepting the category (at least one).</param>
/// <param name="DueSites">The sites due.</param>
public sealed record PlanningGroup(
    DateOnly Date,
    string AreaCode,
    string DistrictCode,
    WasteCategory Category,
    PlanningRules Rules,
    string ProfileId,
    string ProfileVersion,
    IReadOnlyList<Vehicle> Vehicles,
    PlanningDepot Depot,
    IReadOnlyList<Registry.Facility> Facilities,
    IReadOnlyList<DueSite> DueSites)
{
    /// <summary>The points of the travel matrix: the depot, then the due sites, then the facilities, in list order.</summary>
    public IReadOnlyList<GeoPoint> Points =>
        [Depot.Location, .. DueSites.Select(s => s.Location), .. Facilities.Select(f => new GeoPoint(f.Longitude, f.Latitude))];

    /// <summary>The crews' meal break (profile setting <c>mealBreak</c>), or null for none.</summary>
    public MealBreakRule? MealBreak { get; init; }

    /// <summary>True when a vehicle or a due site of the group is illustrative (demo); the plan is then marked so.</summary>
    public bool IncludesIllustrative { get; init; }
}
