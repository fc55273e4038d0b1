namespace CitySort.Routing.Tests;

public sealed class ProblemBuilderTests
{
    [Fact]
    public void The_builder_lists_every_invalid_input_in_words()
    {
        var builder = new ProblemBuilder();
        builder.AddDepot(new Depot());
        builder.AddClient(new Client { Name = "7", Demand = new Load(-1) });
        builder.AddClient(new Client { Name = "8", Demand = new Load(50), TimeWindow = new TimeWindow(new Duration(20), new Duration(10)) });
        builder.AddVehicleType(new VehicleType { Capacity = new Load(40), DepotIndex = 3, UnloadingFacilities = [2] });

        var ok = builder.TryBuild(out var problem, out var errors);

        Assert.False(ok);
        Assert.Null(problem);
        Assert.Contains("client 0 (\"7\"): demand -1 is negative", errors);
        Assert.Contains("client 1 (\"8\"): demand 50 exceeds the largest vehicle capacity 40", errors);
        Assert.Contains("client 1 (\"8\"): time window [20, 10] closes before it opens", errors);
        Assert.Contains("vehicle type 0: depot index 3 does not exist (there are 1 depots)", errors);
        Assert.Contains("vehicle type 0: unloading facility index 2 does not exist (there are 0 facilities)", errors);
        Assert.Contains("no distances: set a distance matrix or use Euclidean distances", errors);
    }

    [Fact]
    public void Build_throws_with_the_errors_when_the_input_is_invalid()
    {
        var builder = new ProblemBuilder();

        var error = Assert.Throws<InvalidProblemException>(builder.Build);

        Assert.Contains("there is no depot", error.Errors);
        Assert.Contains("there is no vehicle type", error.Errors);
    }

    [Fact]
    public void A_matrix_of_the_wrong_size_is_reported()
    {
        var builder = new ProblemBuilder();
        builder.AddDepot(new Depot());
        builder.AddClient(new Client { Demand = new Load(1) });
        builder.AddVehicleType(new VehicleType { Capacity = new Load(1) });
        builder.SetDistanceMatrix(new long[3, 3]);

        var errors = builder.Validate();

        Assert.Equal(["the distance matrix is 3 × 3 but there are 2 nodes (depots, clients, facilities)"], errors);
    }

    [Fact]
    public void Several_trips_without_a_facility_are_refused()
    {
        var builder = new ProblemBuilder();
        builder.AddDepot(new Depot());
        builder.AddVehicleType(new VehicleType { Capacity = new Load(1), MaxTripsPerVehicle = 3 });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);

        var errors = builder.Validate();

        Assert.Equal(["vehicle type 0: 3 trips per vehicle need an unloading facility; without one a vehicle makes exactly 1 trip"], errors);
    }

    [Fact]
    public void Nodes_are_numbered_depots_then_clients_then_facilities()
    {
        var problem = LineProblems.Build();

        Assert.Equal(6, problem.NodeCount);
        Assert.Equal(0, problem.DepotNode(0));
        Assert.Equal(1, problem.ClientNode(0));
        Assert.Equal(4, problem.FacilityNode(0));

        // Client "3" at x = 30 to Plant B at x = 50.
        Assert.Equal(new Distance(20), problem.Distance(problem.ClientNode(2), problem.FacilityNode(1)));
    }

    [Fact]
    public void An_open_client_window_is_closed_at_the_horizon_and_trips_resolve_from_facilities()
    {
        var plain = LineProblems.Build();
        var unloading = LineProblems.Build(unloads: true);

        Assert.Equal(new TimeWindow(Duration.Zero, new Duration(200)), plain.Clients[1].TimeWindow);
        Assert.Equal(1, plain.VehicleTypes[0].MaxTripsPerVehicle);
        Assert.Equal(int.MaxValue, unloading.VehicleTypes[0].MaxTripsPerVehicle);
        Assert.True(unloading.HasUnloadingFacilities);
    }

    [Theory]
    [InlineData(3, 4, EuclideanConvention.RoundNearest, 5)]
    [InlineData(1, 1, EuclideanConvention.RoundNearest, 1)]
    [InlineData(1, 2, EuclideanConvention.RoundNearest, 2)]
    [InlineData(1, 1, EuclideanConvention.TruncateTenths, 14)]
    [InlineData(5, 5, EuclideanConvention.TruncateTenths, 70)]
    [InlineData(0, 0, EuclideanConvention.TruncateTenths, 0)]
    public void Euclidean_arcs_follow_the_benchmark_rounding(int dx, int dy, EuclideanConvention convention, long expected)
    {
        // sqrt(1) = 1; sqrt(2) = 1.414 -> nint 1, tenths 14; sqrt(5) = 2.236 -> nint 2; sqrt(50) = 7.071 -> tenths 70.
        var arc = ProblemBuilder.EuclideanArc(dx, dy, convention);

        Assert.Equal(expected, arc);
    }

    [Fact]
    public void Half_way_lengths_round_up_as_nint_does()
    {
        // sqrt(6.25) = 2.5 exactly at coordinates (1.5, 2): floor(2.5 + 0.5) = 3.
        var arc = ProblemBuilder.EuclideanArc(1.5, 2, EuclideanConvention.RoundNearest);

        Assert.Equal(3, arc);
    }

    [Fact]
    public void Measures_add_subtract_and_compare_exactly()
    {
        var sum = new Distance(7) + new Distance(5);
        var difference = new Load(7) - new Load(9);

        Assert.Equal(new Distance(12), sum);
        Assert.Equal(new Load(-2), difference);
        Assert.True(new Duration(3) < new Duration(4));
        Assert.Equal(Distance.Zero, default);
        Assert.Equal("1637.7", LineProblemsScale10().FormatCost(new Distance(16377)));
    }

    private static Problem LineProblemsScale10()
    {
        var builder = new ProblemBuilder { CostScale = 10 };
        builder.AddDepot(new Depot());
        builder.AddVehicleType(new VehicleType { Capacity = new Load(1) });
        builder.UseEuclideanDistances(EuclideanConvention.TruncateTenths);
        return builder.Build();
    }
}
