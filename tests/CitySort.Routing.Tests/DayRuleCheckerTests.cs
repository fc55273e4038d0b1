namespace CitySort.Routing.Tests;

/// <summary>The checker's rules for a vehicle's whole day, on the hand-worked day of <see cref="DayLineProblems"/>.</summary>
public sealed class DayRuleCheckerTests
{
    private static readonly VehicleBreak Lunch = new() { Duration = new Duration(20), StartWindow = new TimeWindow(new Duration(60), new Duration(80)) };

    [Fact]
    public void A_break_that_fits_between_two_visits_is_accepted()
    {
        var problem = DayLineProblems.Build(meal: Lunch);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // Back at 175 > 80 without a break, so one is needed. Taken after the first unload (leaves F at 70, break
        // 70–90): C at max(70 + 20, 60) + 20 = 110, 110–115; F 135–145; back at 145 + 50 = 195 <= 200.
        Assert.True(result.IsFeasible, result.FirstViolation);
        Assert.Equal(new Distance(140), result.Cost);
    }

    [Fact]
    public void A_break_that_fits_no_gap_is_rejected()
    {
        var problem = DayLineProblems.Build(shift: new TimeWindow(Duration.Zero, new Duration(190)), meal: Lunch);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // Gaps: before A (break 60–80) back at 245; A→B back at 230; B→F and F→C back at 195; after C the vehicle
        // leaves at 95 > 80, too late to start. Best is 195 > 190.
        Assert.False(result.IsFeasible);
        Assert.Equal(
            "route 1 has no gap for its break (duration 20 starting in [60, 80]) that keeps every window and its shift; back at 175 without it, after the latest break start 80",
            result.FirstViolation);
    }

    [Fact]
    public void A_vehicle_back_before_the_latest_break_start_needs_no_break()
    {
        var lateLunch = new VehicleBreak { Duration = new Duration(60), StartWindow = new TimeWindow(new Duration(170), new Duration(180)) };
        var problem = DayLineProblems.Build(shift: new TimeWindow(Duration.Zero, new Duration(180)), meal: lateLunch);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // Back at 175 <= 180, the latest break start: no break, and 175 <= the shift's end 180.
        Assert.True(result.IsFeasible, result.FirstViolation);
    }

    [Fact]
    public void A_day_load_at_the_limit_is_accepted()
    {
        var problem = DayLineProblems.Build(maxLoadPerDay: 12);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // 4 + 4 + 4 = 12 <= 12 over both trips.
        Assert.True(result.IsFeasible, result.FirstViolation);
    }

    [Fact]
    public void A_day_load_over_the_limit_is_rejected_with_both_amounts()
    {
        var problem = DayLineProblems.Build(maxLoadPerDay: 11);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // Each trip is within 10 (8 and 4), but the day collects 12 > 11.
        Assert.Equal("route 1 collects 12 in its day but vehicle type 0 may collect 11 per day", result.FirstViolation);
    }

    [Fact]
    public void A_day_with_as_many_clients_as_allowed_is_accepted()
    {
        var problem = DayLineProblems.Build(maxClientsPerDay: 3);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // A, B, C: 3 clients; the two unloads do not count.
        Assert.True(result.IsFeasible, result.FirstViolation);
    }

    [Fact]
    public void A_day_with_too_many_clients_is_rejected()
    {
        var problem = DayLineProblems.Build(maxClientsPerDay: 2);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        Assert.Equal("route 1 serves 3 clients in its day but vehicle type 0 may serve 2 per day", result.FirstViolation);
    }

    [Fact]
    public void A_trip_at_capacity_is_accepted()
    {
        var problem = DayLineProblems.Build(capacity: 8);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // Trip 1: A + B = 8 <= 8; trip 2: C = 4.
        Assert.True(result.IsFeasible, result.FirstViolation);
    }

    [Fact]
    public void A_trip_over_capacity_is_rejected()
    {
        var problem = DayLineProblems.Build(capacity: 7);

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        Assert.Equal("route 1 trip 1 load 8 exceeds capacity 7", result.FirstViolation);
    }

    [Fact]
    public void Unloading_within_the_facility_hours_is_accepted()
    {
        var problem = DayLineProblems.Build(facilityWindow: new TimeWindow(Duration.Zero, new Duration(115)));

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // Unloads start at 60 and 115, both <= 115.
        Assert.True(result.IsFeasible, result.FirstViolation);
    }

    [Fact]
    public void Unloading_after_the_facility_closes_is_rejected()
    {
        var problem = DayLineProblems.Build(facilityWindow: new TimeWindow(Duration.Zero, new Duration(110)));

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // The second unload starts at 95 + 20 = 115 > 110.
        Assert.Equal("route 1: unloading at facility F starts at 115, after it closes at 110", result.FirstViolation);
    }

    [Fact]
    public void Unloading_opens_late_and_the_vehicle_waits()
    {
        var problem = DayLineProblems.Build(facilityWindow: new TimeWindow(new Duration(100), new Duration(150)));

        var result = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));

        // F: arrive 60, wait to 100, leave 110; C 130–135; F 155 > 150.
        Assert.Equal("route 1: unloading at facility F starts at 155, after it closes at 150", result.FirstViolation);
    }

    [Fact]
    public void A_day_whose_last_visit_is_an_unload_is_accepted_and_one_that_returns_loaded_is_rejected()
    {
        var problem = DayLineProblems.Build();
        var loaded = Solution.FromRoutes(problem, [new Route(0, [new Trip([0, 1], 0), new Trip([2])])]);

        var empty = SolutionChecker.Check(problem, DayLineProblems.TwoTrips(problem));
        var result = SolutionChecker.Check(problem, loaded);

        Assert.True(empty.IsFeasible, empty.FirstViolation);
        Assert.Equal("route 1 trip 2 ends without unloading; vehicle type 0 must unload at F", result.FirstViolation);
    }

    [Fact]
    public void The_fixed_cost_of_each_vehicle_used_is_added_to_the_distance()
    {
        var problem = DayLineProblems.Build(fixedCost: 1000);
        var stated = new Solution(DayLineProblems.TwoTrips(problem).Routes, new Distance(140));

        var result = SolutionChecker.Check(problem, stated);

        // 140 driven + 1 vehicle × 1000 = 1140; a cost stated without the fixed cost is not confirmed.
        Assert.True(result.IsFeasible, result.FirstViolation);
        Assert.Equal(new Distance(1140), result.Cost);
        Assert.Equal(new Distance(140), result.DistanceDriven);
        Assert.False(result.Confirms(new Distance(140)));
        Assert.True(result.Confirms(DayLineProblems.TwoTrips(problem).Cost));
    }

    [Fact]
    public void The_builder_reports_bad_day_rules_in_words()
    {
        var builder = new ProblemBuilder();
        builder.AddDepot(new Depot());
        builder.AddClient(new Client { Demand = new Load(1) });
        builder.AddVehicleType(new VehicleType
        {
            Capacity = new Load(5),
            Break = new VehicleBreak { Duration = new Duration(-1), StartWindow = new TimeWindow(new Duration(9), new Duration(3)) },
            MaxLoadPerDay = Load.Zero,
            MaxClientsPerDay = 0,
            FixedCost = new Distance(-2),
        });
        builder.SetDistanceMatrix(new long[2, 2]);

        var errors = builder.Validate();

        Assert.Equal(
            [
                "vehicle type 0: break duration -1 is negative",
                "vehicle type 0 break start: time window [9, 3] closes before it opens",
                "vehicle type 0: load per day 0 must be more than zero",
                "vehicle type 0: clients per day 0 must be at least 1",
                "vehicle type 0: fixed cost -2 is negative",
            ],
            errors);
    }
}
