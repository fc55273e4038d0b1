namespace CitySort.Collection.Violations;

/// <summary>Everything the vehicle-day rules look at: one vehicle's accepted events of one business day and the registry and profile facts.</summary>
/// <param name="BusinessDay">The Asia/Shanghai business day.</param>
/// <param name="Vehicle">The vehicle's registry facts.</param>
/// <param name="Events">Its accepted events of the day (pickups, GPS fixes, tickets), in any order; events of other plates or days are ignored.</param>
/// <param name="Facilities">The registry's facilities by code.</param>
/// <param name="DayPlan">The vehicle's route in the day's stored plan, or null when it has none.</param>
/// <param name="Line">The route of the registry dedicated line the vehicle runs, or null.</param>
/// <param name="Rules">The profile's figures.</param>
public sealed record VehicleDayInput(
    DateOnly BusinessDay,
    VehicleRuleFacts Vehicle,
    IReadOnlyList<CollectionEvent> Events,
    IReadOnlyDictionary<string, FacilityRuleFacts> Facilities,
    PlannedRoute? DayPlan,
    PlannedRoute? Line,
    ViolationRules Rules);
