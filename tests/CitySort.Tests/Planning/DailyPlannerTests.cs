using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Planning;

public sealed class DailyPlannerTests
{
    private static readonly PlanningOptions Options = new() { TimeLimitPerPlan = TimeSpan.FromSeconds(2), MaxIterationsWithoutImprovement = 500 };

    private static PlanningRules Rules(TimeOnly end) =>
        new("Asia/Shanghai", new TimeOnly(5, 0), end, 1.0m, 36m, 600, 600, true, []);

    private static Vehicle Vehicle(string plate, int capacityKg) => new()
    {
        Plate = plate,
        DistrictCode = "330302",
        AreaCode = "330302",
        HaulerCode = "H",
        DedicatedCategory = WasteCategory.Kitchen,
        CapacityKg = capacityKg,
    };

    private static Facility Plant() => new()
    {
        Code = "KW",
        Name = "plant",
        Kind = FacilityKind.KitchenWastePlant,
        AcceptedCategories = [WasteCategory.Kitchen],
        Longitude = 120.50,
        Latitude = 28.00,
    };

    /// <summary>Sites east of the depot at 120.60 E, 28.00 N, one every 0.01° of longitude (≈ 982 m); the plant lies west of the depot.</summary>
    private static PlanningGroup Group(TimeOnly end, int[] demandsKg, params Vehicle[] vehicles) => new(
        new DateOnly(2015, 12, 1),
        "330302",
        "330302",
        WasteCategory.Kitchen,
        Rules(end),
        "test",
        "1",
        vehicles,
        new PlanningDepot("depot", new GeoPoint(120.60, 28.00)),
        [Plant()],
        demandsKg.Select((kg, i) => new DueSite($"S{i + 1:D2}", $"site {i + 1}", "330302", new GeoPoint(120.60 + (0.01 * (i + 1)), 28.00), kg, 1)).ToList());

    private static DailyPlan Plan(PlanningGroup group)
    {
        var matrix = new GreatCircleTravelMatrixProvider(group.Rules).Compute(group.Points, TestContext.Current.CancellationToken);
        return new DailyPlanner(TimeProvider.System).Plan(group, matrix, Options, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_site_holding_more_than_a_trip_carries_is_listed_with_the_reason_and_the_rest_is_planned()
    {
        var plan = Plan(Group(new TimeOnly(17, 0), [100, 2500, 100], Vehicle("A", 2000)));

        var unserved = Assert.Single(plan.Unserved);
        Assert.Equal("S02", unserved.SiteCode);
        Assert.Equal("holds 2500 kg, more than the 2000 kg a vehicle carries in one trip", unserved.Reason);
        Assert.Equal(["S01", "S03"], plan.Trips.SelectMany(t => t.Stops).Select(s => s.SiteCode).Order());
    }

    [Fact]
    public void Loads_beyond_one_trip_are_carried_in_several_trips_each_within_capacity()
    {
        // 5 × 900 kg = 4 500 kg with a 2 000 kg vehicle: at least ⌈4 500 / 2 000⌉ = 3 trips of at most 2 sites each.
        var plan = Plan(Group(new TimeOnly(17, 0), [900, 900, 900, 900, 900], Vehicle("A", 2000)));

        Assert.Empty(plan.Unserved);
        Assert.True(plan.Trips.Count >= 3);
        Assert.All(plan.Trips, t => Assert.InRange(t.LoadKg, 900, 2000));
        Assert.Equal(4500, plan.TotalLoadKg);
    }

    [Fact]
    public void When_the_shift_is_too_short_for_all_sites_the_farthest_are_listed_unserved_and_the_rest_are_back_in_time()
    {
        // Each site alone fits a 05:00–07:00 shift (the farthest: 982 s out, 600 s service, 2 080 s to the plant, 600 s
        // unloading, 1 080 s back = 5 342 s < 7 200 s), but ten stops of 600 s service each (6 000 s) and the drives do not.
        var plan = Plan(Group(new TimeOnly(7, 0), [10, 10, 10, 10, 10, 10, 10, 10, 10, 10], Vehicle("A", 2000)));

        Assert.NotEmpty(plan.Unserved);
        Assert.NotEmpty(plan.Trips);
        var served = plan.Trips.SelectMany(t => t.Stops).Select(s => s.SiteCode).ToHashSet();
        Assert.Equal(10, served.Count + plan.Unserved.Count);
        // Issue 10 defect 6, issue 11 item 5: a time-limited search that found no plan says exactly that, names what it
        // could not fit, and never claims that the fleet cannot serve it.
        Assert.All(plan.Unserved, u => Assert.StartsWith("no feasible plan found within 2 s that serves it", u.Reason, StringComparison.Ordinal));
        Assert.All(plan.Unserved, u => Assert.Contains($"together with the {served.Count} due site(s) nearer", u.Reason, StringComparison.Ordinal));
        Assert.All(plan.Unserved, u => Assert.DoesNotContain("cannot", u.Reason, StringComparison.Ordinal));
        Assert.True(string.CompareOrdinal(plan.Unserved.Min(u => u.SiteCode), served.Max()) > 0, "the sites left out are the farthest from the depot and plant");
        Assert.True(plan.Trips[^1].ReturnsToDepotAt <= new TimeOnly(7, 0));
    }

    [Fact]
    public void A_site_that_alone_cannot_be_served_within_the_shift_says_so()
    {
        var group = Group(new TimeOnly(5, 10), [10], Vehicle("A", 2000));

        var plan = Plan(group);

        // Alone: 05:00 + ≈ 98 s to the site + 600 s service + ≈ 1 080 s to the plant (10.8 km at 10 m/s) + 600 s unloading > 05:10.
        var unserved = Assert.Single(plan.Unserved);
        Assert.StartsWith("even as a trip's only stop", unserved.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Trips);
    }

    /// <summary>Issue 10 defect 6: a group without vehicles gives a plan that counts every due site unserved with the reason.</summary>
    [Fact]
    public void A_group_that_cannot_be_planned_lists_every_due_site_unserved_with_the_reason()
    {
        var group = Group(new TimeOnly(17, 0), [100, 200, 300]);

        var plan = new DailyPlanner(TimeProvider.System).Unplanned(group, "the area has no dedicated Kitchen vehicle", Options);

        Assert.Empty(plan.Trips);
        Assert.Equal((3, 0), (plan.DueSiteCount, plan.VehicleCount));
        Assert.Equal(["S01", "S02", "S03"], plan.Unserved.Select(u => u.SiteCode));
        Assert.All(plan.Unserved, u => Assert.Equal("the area has no dedicated Kitchen vehicle", u.Reason));
        // 100 + 200 + 300 = 600 kg due and not collected.
        Assert.Equal(600, plan.Unserved.Sum(u => u.DemandKg));
    }

    /// <summary>
    /// Issue 11 item 5: the meal break is planned inside the vehicle's day. One site 0.01° east of the depot, the plant
    /// 0.1° west of it (10 m/s, 600 s service and unloading); break of 30 min starting in [05:15, 05:40]. Without the
    /// break the vehicle leaves the site at 05:00 + ≈ 98 s + 600 s ≈ 05:11:38, reaches the plant at ≈ 05:29:38 and is
    /// back at ≈ 05:56, after 05:40, so it takes the break. The first gap it leaves by 05:40 whose next arrival is after
    /// 05:15 is the drive from the site to the plant: it arrives at max(05:11:38 + travel, 05:15) + 1 800 s.
    /// </summary>
    [Fact]
    public void A_vehicle_still_out_after_the_latest_break_start_takes_its_meal_break_on_the_drive_to_the_plant()
    {
        var group = Group(new TimeOnly(17, 0), [10], Vehicle("A", 2000));
        var withBreak = group with
        {
            MealBreak = new MealBreakRule(new TimeOnly(5, 15), new TimeOnly(5, 40), 30),
        };
        var matrix = new GreatCircleTravelMatrixProvider(group.Rules).Compute(group.Points, TestContext.Current.CancellationToken);

        var plan = Plan(withBreak);

        var trip = Assert.Single(plan.Trips);
        var stop = Assert.Single(trip.Stops);
        var toSite = matrix.DurationSeconds[0, 1];
        var toPlant = matrix.DurationSeconds[1, 2];
        var leaves = (5 * 3600) + toSite + 600;
        Assert.Equal(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds((5 * 3600) + toSite)), stop.ArrivesAt);
        Assert.Equal(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Math.Max(leaves + toPlant, (5 * 3600) + (15 * 60)) + 1800)), trip.UnloadsAt);
        Assert.Equal(trip.UnloadsAt.Add(TimeSpan.FromSeconds(600 + matrix.DurationSeconds[2, 0])), trip.ReturnsToDepotAt);
    }

    /// <summary>A vehicle back at its depot by the latest break start takes the break there: its times are not moved.</summary>
    [Fact]
    public void A_vehicle_back_before_the_latest_break_start_takes_no_break_on_the_way()
    {
        var group = Group(new TimeOnly(17, 0), [10], Vehicle("A", 2000));
        var withBreak = group with
        {
            MealBreak = new MealBreakRule(new TimeOnly(11, 0), new TimeOnly(13, 0), 60),
        };

        var plain = Plan(group);
        var planned = Plan(withBreak);

        Assert.Equal(plain.Trips.Select(t => (t.UnloadsAt, t.ReturnsToDepotAt)), planned.Trips.Select(t => (t.UnloadsAt, t.ReturnsToDepotAt)));
    }

    [Fact]
    public void Two_vehicles_share_the_work_and_each_trip_names_its_plate()
    {
        var plan = Plan(Group(new TimeOnly(17, 0), [1500, 1500, 1500, 1500], Vehicle("B", 2000), Vehicle("A", 2000)));

        Assert.Empty(plan.Unserved);
        Assert.Equal(2, plan.VehicleCount);
        Assert.Subset(new HashSet<string> { "A", "B" }, plan.Trips.Select(t => t.VehiclePlate).ToHashSet());
        Assert.Equal(plan.Trips.OrderBy(t => t.VehiclePlate, StringComparer.Ordinal).ThenBy(t => t.VehicleTrip), plan.Trips);
    }
}
