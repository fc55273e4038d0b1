namespace CitySort.Collection.Violations;

/// <summary>
/// The kinds of violation CitySort finds in what the vehicles did (issue "live collection chain", item 4). Each kind
/// names the clause it breaks (<see cref="ViolationKinds.ClauseOf"/>); the numeric values are stored.
/// </summary>
public enum ViolationKind
{
    /// <summary>W96-K5 mixed collection: a vehicle dedicated to one category or stream picked up another.</summary>
    MixedDedicatedVehicle = 1,

    /// <summary>W96-K5 mixed collection: one trip's pickups (between two weigh tickets of the vehicle, or from the day's start) span categories.</summary>
    MixedTrip = 2,

    /// <summary>W96-K5 mixed collection: a weigh ticket at a facility that does not accept the declared category or stream.</summary>
    MixedAtFacility = 3,

    /// <summary>W96-K5 sealed transport: an unsealed vehicle collected sorted waste on a sorted route.</summary>
    UnsealedVehicle = 4,

    /// <summary>W96-T3 dedicated lines: a stop of the day's plan the planned vehicle did not visit by the day's end.</summary>
    MissedPickup = 5,

    /// <summary>W96-R1 sorted-transport routes: the vehicle's GPS fixes stayed away from its planned line for longer than the profile allows.</summary>
    OffPlannedLine = 6,

    /// <summary>W96-K3 same-day clearance (日产日清): a site due for other waste was not picked up by the clearance time.</summary>
    NotClearedSameDay = 7,
}
