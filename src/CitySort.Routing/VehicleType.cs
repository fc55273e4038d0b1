namespace CitySort.Routing;

/// <summary>
/// A kind of vehicle: where it is based, how much it carries per trip, how many there are, and where it unloads.
/// Without unloading facilities a route is one trip that ends at the depot (plain CVRP / VRPTW); with them a route
/// is depot → trip 1 → facility → trip 2 → facility → … → last trip → facility → depot (multi-trip).
/// </summary>
public sealed record VehicleType
{
    /// <summary>A name for messages and display.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The index of the depot (in <see cref="Problem.Depots"/>) where this type starts and ends.</summary>
    public int DepotIndex { get; init; }

    /// <summary>The most a trip may load; more than zero.</summary>
    public Load Capacity { get; init; }

    /// <summary>How many vehicles of this type there are; <see cref="int.MaxValue"/> means unlimited (the default).</summary>
    public int Count { get; init; } = int.MaxValue;

    /// <summary>
    /// The indices (in <see cref="Problem.Facilities"/>) of the facilities this type may unload at. Empty (the
    /// default): it unloads at its depot, so each route is one trip that returns to the depot.
    /// </summary>
    public IReadOnlyList<int> UnloadingFacilities { get; init; } = [];

    /// <summary>
    /// The most trips one vehicle may make in its shift. <see langword="null"/> (the default) means 1 when the type
    /// has no unloading facilities and unlimited (<see cref="int.MaxValue"/>) when it has some; the built
    /// <see cref="Problem"/> holds the resolved number. Without facilities it must be 1.
    /// </summary>
    public int? MaxTripsPerVehicle { get; init; }

    /// <summary>
    /// The shift of this type if narrower than its depot's window; <see langword="null"/> (the default) inherits the
    /// depot's. The built <see cref="Problem"/> holds the intersection of both.
    /// </summary>
    public TimeWindow? ShiftWindow { get; init; }

    /// <summary>
    /// The break each vehicle of this type takes during its shift (see <see cref="VehicleBreak"/>);
    /// <see langword="null"/> (the default): none.
    /// </summary>
    public VehicleBreak? Break { get; init; }

    /// <summary>
    /// The most one vehicle may collect in its whole shift, over all its trips (Q* of Kim et al. 2006);
    /// <see langword="null"/> (the default): no limit beyond the trips' capacity.
    /// </summary>
    public Load? MaxLoadPerDay { get; init; }

    /// <summary>
    /// The most clients one vehicle may serve in its whole shift (S* of Kim et al. 2006); facility visits do not
    /// count. <see langword="null"/> (the default): no limit.
    /// </summary>
    public int? MaxClientsPerDay { get; init; }

    /// <summary>
    /// The cost of using one vehicle of this type at all, added once per route to the distance driven (same units as
    /// <see cref="Distance"/>), so that a plan with fewer vehicles can be preferred. Default zero.
    /// </summary>
    public Distance FixedCost { get; init; }
}
