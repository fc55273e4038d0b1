using System.Text.Json.Serialization;
using CitySort.Registry;

namespace CitySort.Collection.PlanActual;

/// <summary>
/// One planned vehicle's day against what it did (issue "live collection chain", item 5): stops visited (a pickup at
/// the site by that vehicle that business day), missed and visited out of plan; distance planned (the plan's trips)
/// against driven (<see cref="GpsTrack"/>); time planned (first departure to return) against driven (first to last
/// fix).
/// </summary>
/// <param name="Date">The business day.</param>
/// <param name="AreaCode">The plan's area.</param>
/// <param name="DistrictCode">The plan's district.</param>
/// <param name="Category">The plan's category.</param>
/// <param name="VehiclePlate">The vehicle.</param>
/// <param name="PlannedStops">How many stops the plan gave the vehicle.</param>
/// <param name="Visited">Planned sites it picked up at, in plan order.</param>
/// <param name="Missed">Planned sites it did not pick up at, in plan order.</param>
/// <param name="OutOfPlan">Sites it picked up at that its plan did not list, by code.</param>
/// <param name="PlannedDistanceMetres">Σ of the plan's trip distances for the vehicle, metres.</param>
/// <param name="DrivenDistanceMetres">Great-circle metres over the kept GPS fixes, rounded to whole metres.</param>
/// <param name="PlannedStart">Planned departure (local time).</param>
/// <param name="PlannedEnd">Planned return to the depot (local time; the last unloading when no return is planned).</param>
/// <param name="PlannedSeconds">Seconds from <paramref name="PlannedStart"/> to <paramref name="PlannedEnd"/>.</param>
/// <param name="DrivenStart">First kept fix, or null without fixes.</param>
/// <param name="DrivenEnd">Last kept fix, or null without fixes.</param>
/// <param name="DrivenSeconds">Seconds from the first to the last kept fix.</param>
/// <param name="FixCount">GPS fixes of the vehicle's day.</param>
/// <param name="IgnoredFixCount">Fixes left out as jumps.</param>
/// <param name="IsIllustrative">True when any of the vehicle's events of the day is illustrative.</param>
public sealed record LineActual(
    DateOnly Date,
    string AreaCode,
    string DistrictCode,
    [property: JsonConverter(typeof(JsonStringEnumConverter<WasteCategory>))] WasteCategory Category,
    string VehiclePlate,
    int PlannedStops,
    IReadOnlyList<string> Visited,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> OutOfPlan,
    long PlannedDistanceMetres,
    long DrivenDistanceMetres,
    TimeOnly? PlannedStart,
    TimeOnly? PlannedEnd,
    long PlannedSeconds,
    DateTimeOffset? DrivenStart,
    DateTimeOffset? DrivenEnd,
    long DrivenSeconds,
    int FixCount,
    int IgnoredFixCount,
    bool IsIllustrative);
