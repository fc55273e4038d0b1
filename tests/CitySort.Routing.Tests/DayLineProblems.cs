namespace CitySort.Routing.Tests;

/// <summary>
/// A hand-checkable vehicle day on a line: the depot "D" at x = 0, clients "A", "B", "C" at x = 10, 20, 30 (demand 4
/// and service 5 each) and the facility "F" at x = 50 (unloading 10). Distance is |x_i − x_j| and travel time equals
/// distance. The one vehicle type carries 10 per trip and unloads at F.
/// </summary>
internal static class DayLineProblems
{
    public static Problem Build(
        TimeWindow? shift = null,
        VehicleBreak? meal = null,
        long? maxLoadPerDay = null,
        int? maxClientsPerDay = null,
        long capacity = 10,
        TimeWindow? facilityWindow = null,
        long fixedCost = 0)
    {
        var builder = new ProblemBuilder { Name = "day-line" };
        builder.AddDepot(new Depot { Name = "D", X = 0, TimeWindow = shift ?? new TimeWindow(Duration.Zero, new Duration(200)) });
        builder.AddClient(new Client { Name = "A", X = 10, Demand = new Load(4), ServiceDuration = new Duration(5) });
        builder.AddClient(new Client { Name = "B", X = 20, Demand = new Load(4), ServiceDuration = new Duration(5) });
        builder.AddClient(new Client { Name = "C", X = 30, Demand = new Load(4), ServiceDuration = new Duration(5) });
        builder.AddFacility(new Facility { Name = "F", X = 50, ServiceDuration = new Duration(10), TimeWindow = facilityWindow ?? TimeWindow.Unbounded });
        builder.AddVehicleType(new VehicleType
        {
            Capacity = new Load(capacity),
            UnloadingFacilities = [0],
            Break = meal,
            MaxLoadPerDay = maxLoadPerDay is { } l ? new Load(l) : null,
            MaxClientsPerDay = maxClientsPerDay,
            FixedCost = new Distance(fixedCost),
        });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    /// <summary>
    /// The day D → A → B → F → C → F → D. Distance 10 + 10 + 30 + 20 + 20 + 50 = 140. Without a break: A 10–15,
    /// B 25–30, F 60–70, C 90–95, F 115–125, back at D at 175.
    /// </summary>
    public static Solution TwoTrips(Problem problem) =>
        Solution.FromRoutes(problem, [new Route(0, [new Trip([0, 1], 0), new Trip([2], 0)])]);
}
