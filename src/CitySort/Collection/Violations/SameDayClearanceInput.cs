namespace CitySort.Collection.Violations;

/// <summary>What the same-day clearance rule (W96-K3) looks at for one business day.</summary>
/// <param name="BusinessDay">The Asia/Shanghai business day.</param>
/// <param name="DueSites">The sites due that day for a category that is cleared the same day.</param>
/// <param name="Pickups">The day's accepted pickups (of every vehicle); other days' are ignored.</param>
/// <param name="Rules">The profile's figures (the clearance time).</param>
public sealed record SameDayClearanceInput(
    DateOnly BusinessDay,
    IReadOnlyList<DueSiteFacts> DueSites,
    IReadOnlyList<PickupEvent> Pickups,
    ViolationRules Rules);
