namespace CitySort.Routing.Tests;

/// <summary>
/// Hand-checkable problems on a line: the depot at x = 0, clients "1", "2", "3" at x = 10, 20, 30 (demand 4 each,
/// service 5 each), and facilities "Plant A" at x = 40 and "Plant B" at x = 50. Every distance is |x_i − x_j| and
/// travel time equals distance.
/// </summary>
internal static class LineProblems
{
    public static Problem Build(
        long capacity = 10,
        int count = int.MaxValue,
        TimeWindow? depotWindow = null,
        TimeWindow? client1Window = null,
        TimeWindow? client3Window = null,
        bool unloads = false,
        int? maxTrips = null,
        TimeWindow? plantAWindow = null)
    {
        var builder = new ProblemBuilder { Name = "line" };
        builder.AddDepot(new Depot { Name = "0", X = 0, TimeWindow = depotWindow ?? new TimeWindow(Duration.Zero, new Duration(200)) });
        builder.AddClient(new Client { Name = "1", X = 10, Demand = new Load(4), ServiceDuration = new Duration(5), TimeWindow = client1Window });
        builder.AddClient(new Client { Name = "2", X = 20, Demand = new Load(4), ServiceDuration = new Duration(5) });
        builder.AddClient(new Client { Name = "3", X = 30, Demand = new Load(4), ServiceDuration = new Duration(5), TimeWindow = client3Window });
        builder.AddFacility(new Facility { Name = "Plant A", X = 40, ServiceDuration = new Duration(5), TimeWindow = plantAWindow ?? TimeWindow.Unbounded });
        builder.AddFacility(new Facility { Name = "Plant B", X = 50, ServiceDuration = new Duration(5) });
        builder.AddVehicleType(new VehicleType
        {
            Capacity = new Load(capacity),
            Count = count,
            UnloadingFacilities = unloads ? [0] : [],
            MaxTripsPerVehicle = maxTrips,
        });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    /// <summary>Single-trip routes of vehicle type 0 from client index lists.</summary>
    public static Solution Routes(Problem problem, params int[][] routes) =>
        Solution.FromRoutes(problem, routes.Select(r => Route.SingleTrip(0, r)));
}
