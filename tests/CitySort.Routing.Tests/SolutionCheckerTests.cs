namespace CitySort.Routing.Tests;

public sealed class SolutionCheckerTests
{
    [Fact]
    public void A_feasible_solution_is_accepted_at_its_recomputed_cost()
    {
        var problem = LineProblems.Build();

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 1], [2]));

        // Route 1: 0 -> 10 -> 20 -> 0 = 10 + 10 + 20 = 40; route 2: 0 -> 30 -> 0 = 60; total 100.
        Assert.True(result.IsFeasible, result.FirstViolation);
        Assert.Equal(new Distance(100), result.Cost);
    }

    [Fact]
    public void A_trip_over_capacity_is_rejected_with_its_load()
    {
        var problem = LineProblems.Build();

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 1, 2]));

        // 4 + 4 + 4 = 12 > 10.
        Assert.False(result.IsFeasible);
        Assert.Equal("route 1 trip 1 load 12 exceeds capacity 10", result.FirstViolation);
    }

    [Fact]
    public void Service_after_the_window_closes_is_rejected_with_the_start_time()
    {
        var problem = LineProblems.Build(client3Window: new TimeWindow(Duration.Zero, new Duration(32)));

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 2], [1]));

        // Client 1 at 10, service until 15, then 20 to client 3: arrives at 35 > 32.
        Assert.Equal("route 1: service at client 3 starts at 35, after its time window closes at 32", result.FirstViolation);
    }

    [Fact]
    public void Arriving_early_waits_for_the_window_to_open()
    {
        var problem = LineProblems.Build(
            depotWindow: new TimeWindow(Duration.Zero, new Duration(90)),
            client1Window: new TimeWindow(new Duration(50), new Duration(100)));

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 1], [2]));

        // Client 1: arrive 10, wait until 50, leave 55; client 2: arrive 65, leave 70; depot at 90 <= 90.
        Assert.True(result.IsFeasible, result.FirstViolation);
    }

    [Fact]
    public void Returning_to_the_depot_after_the_shift_is_rejected()
    {
        var problem = LineProblems.Build(
            depotWindow: new TimeWindow(Duration.Zero, new Duration(80)),
            client1Window: new TimeWindow(new Duration(50), new Duration(100)));

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 1], [2]));

        // As above, back at 90 > 80.
        Assert.Equal("route 1 returns to depot 0 at 90, after its shift ends at 80", result.FirstViolation);
    }

    [Fact]
    public void A_client_served_twice_is_rejected_naming_both_routes()
    {
        var problem = LineProblems.Build();

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 1], [1, 2]));

        Assert.Equal("client 2 is visited twice (routes 1 and 2)", result.FirstViolation);
    }

    [Fact]
    public void A_missing_client_is_rejected()
    {
        var problem = LineProblems.Build();

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0, 1]));

        Assert.Equal("client 3 is not visited", result.FirstViolation);
    }

    [Fact]
    public void An_unknown_client_index_is_rejected()
    {
        var problem = LineProblems.Build();

        var result = SolutionChecker.Check(problem, new Solution([Route.SingleTrip(0, [0, 7])], Distance.Zero));

        Assert.Equal("route 1 trip 1: client index 7 does not exist (there are 3 clients)", result.FirstViolation);
    }

    [Fact]
    public void Using_more_vehicles_than_the_fleet_has_is_rejected()
    {
        var problem = LineProblems.Build(count: 1);

        var result = SolutionChecker.Check(problem, LineProblems.Routes(problem, [0], [1, 2]));

        Assert.Equal("vehicle type 0 uses 2 vehicles but has 1", result.FirstViolation);
    }

    [Fact]
    public void Multi_trip_routes_unloading_at_an_accepting_facility_are_accepted_with_facility_legs_in_the_cost()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true);
        var route = new Route(0, [new Trip([0, 1], 0), new Trip([2], 0)]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        // 0 -> 10 -> 20 -> Plant A 40 = 40; 40 -> 30 -> 40 = 20; 40 -> depot 0 = 40; total 100.
        Assert.True(result.IsFeasible, result.FirstViolation);
        Assert.Equal(new Distance(100), result.Cost);
    }

    [Fact]
    public void Unloading_at_a_facility_that_does_not_accept_the_vehicle_is_rejected()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true);
        var route = new Route(0, [new Trip([0, 1], 1), new Trip([2], 0)]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        Assert.Equal("route 1 trip 1 unloads at facility Plant B, which does not accept vehicle type 0 (it may unload at Plant A)", result.FirstViolation);
    }

    [Fact]
    public void A_trip_that_does_not_end_at_a_facility_is_rejected_when_the_vehicle_must_unload()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true);
        var route = new Route(0, [new Trip([0, 1], 0), new Trip([2])]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        Assert.Equal("route 1 trip 2 ends without unloading; vehicle type 0 must unload at Plant A", result.FirstViolation);
    }

    [Fact]
    public void Capacity_is_checked_per_trip_not_per_route()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true);
        var route = new Route(0, [new Trip([0, 1, 2], 0)]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        Assert.Equal("route 1 trip 1 load 12 exceeds capacity 8", result.FirstViolation);
    }

    [Fact]
    public void More_trips_than_a_vehicle_may_make_are_rejected()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true, maxTrips: 1);
        var route = new Route(0, [new Trip([0, 1], 0), new Trip([2], 0)]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        Assert.Equal("route 1 makes 2 trips but vehicle type 0 allows 1", result.FirstViolation);
    }

    [Fact]
    public void Unloading_after_the_facility_closes_is_rejected()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true, plantAWindow: new TimeWindow(Duration.Zero, new Duration(30)));
        var route = new Route(0, [new Trip([0, 1], 0), new Trip([2], 0)]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        // Clients at 10 (until 15) and 25 (until 30); Plant A reached at 30 + 20 = 50 > 30.
        Assert.Equal("route 1: unloading at facility Plant A starts at 50, after it closes at 30", result.FirstViolation);
    }

    [Fact]
    public void A_plain_vehicle_may_not_unload_at_a_facility()
    {
        var problem = LineProblems.Build(capacity: 12);
        var route = new Route(0, [new Trip([0, 1, 2], 0)]);

        var result = SolutionChecker.Check(problem, new Solution([route], Distance.Zero));

        Assert.Equal("route 1 trip 1 unloads at facility Plant A but vehicle type 0 unloads at its depot", result.FirstViolation);
    }

    [Fact]
    public void The_checker_does_not_trust_the_stated_cost()
    {
        var problem = LineProblems.Build();
        var solution = new Solution(LineProblems.Routes(problem, [0, 1], [2]).Routes, new Distance(1));

        var result = SolutionChecker.Check(problem, solution);

        Assert.Equal(new Distance(100), result.Cost);
        Assert.False(result.Confirms(solution.Cost));
    }
}
