namespace CitySort.Collection.Violations;

/// <summary>Facts about the <see cref="ViolationKind"/> values: their clause and when they are evaluated.</summary>
public static class ViolationKinds
{
    /// <summary>
    /// The kinds evaluated as events arrive (after each committed batch): the three forms of mixed collection, the
    /// unsealed vehicle and the vehicle off its line.
    /// </summary>
    public static IReadOnlySet<ViolationKind> Live { get; } = new HashSet<ViolationKind>
    {
        ViolationKind.MixedDedicatedVehicle, ViolationKind.MixedTrip, ViolationKind.MixedAtFacility,
        ViolationKind.UnsealedVehicle, ViolationKind.OffPlannedLine,
    };

    /// <summary>The kinds that can only be judged when the day is over: missed pickups and sites not cleared the same day.</summary>
    public static IReadOnlySet<ViolationKind> DayEnd { get; } = new HashSet<ViolationKind>
    {
        ViolationKind.MissedPickup, ViolationKind.NotClearedSameDay,
    };

    /// <summary>Every kind that is judged per vehicle and day (all but <see cref="ViolationKind.NotClearedSameDay"/>).</summary>
    public static IReadOnlySet<ViolationKind> VehicleDay { get; } = new HashSet<ViolationKind>
    {
        ViolationKind.MixedDedicatedVehicle, ViolationKind.MixedTrip, ViolationKind.MixedAtFacility,
        ViolationKind.UnsealedVehicle, ViolationKind.OffPlannedLine, ViolationKind.MissedPickup,
    };

    /// <summary>The clause id a kind breaks (POLICY.md).</summary>
    /// <param name="kind">A kind.</param>
    /// <returns><c>W96-K5</c> for mixing and sealing, <c>W96-T3</c> for missed pickups, <c>W96-R1</c> for off-line, <c>W96-K3</c> for same-day clearance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">For a value that is not a kind.</exception>
    public static string ClauseOf(ViolationKind kind) => kind switch
    {
        ViolationKind.MixedDedicatedVehicle or ViolationKind.MixedTrip or ViolationKind.MixedAtFacility or ViolationKind.UnsealedVehicle => "W96-K5",
        ViolationKind.MissedPickup => "W96-T3",
        ViolationKind.OffPlannedLine => "W96-R1",
        ViolationKind.NotClearedSameDay => "W96-K3",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a violation kind"),
    };
}
