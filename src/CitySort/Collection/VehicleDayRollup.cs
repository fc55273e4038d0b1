namespace CitySort.Collection;

/// <summary>One row of the vehicle rollup: a vehicle's pickup estimates against its ticket nets on one business day (reconciliation).</summary>
/// <param name="BusinessDay">The business day.</param>
/// <param name="VehiclePlate">The vehicle.</param>
/// <param name="IsIllustrative">True when any event counted here came from a demo device.</param>
/// <param name="PickupCount">Pickups.</param>
/// <param name="PickupEstimatedKg">Sum of the pickups' estimated kilograms.</param>
/// <param name="TicketCount">Weigh tickets.</param>
/// <param name="TicketNetKg">Sum of the tickets' net kilograms.</param>
public sealed record VehicleDayRollup(DateOnly BusinessDay, string VehiclePlate, bool IsIllustrative, long PickupCount, decimal PickupEstimatedKg, long TicketCount, decimal TicketNetKg);
