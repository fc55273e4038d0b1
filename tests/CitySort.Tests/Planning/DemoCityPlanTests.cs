using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Planning;

/// <summary>
/// The demo city's plan for one day, verified from the registry and the profile alone, independently of the solver:
/// due sites recomputed, loads against the registry's capacities, facilities against what they accept, and times
/// re-simulated over great-circle travel.
/// </summary>
public sealed class DemoCityPlanTests(DemoCityPlanFixture fixture) : IClassFixture<DemoCityPlanFixture>
{
    private PlanningRules Rules => fixture.Profile.Settings.Planning!.Value;

    private List<DueSite> DueSites(DailyPlan plan)
    {
        var rule = Rules.For(plan.Category)!;
        var sites = fixture.Registry.Sites.Where(s => fixture.Service.AreaOf(s) == plan.AreaCode);
        return DueSiteSelector.Select(sites, Rules, rule, plan.Date, fixture.Service.AreaOf).ToList();
    }

    [Fact]
    public void Every_area_and_category_with_dedicated_vehicles_is_planned()
    {
        var expected = fixture.Registry.Vehicles
            .Where(v => v.DedicatedCategory is { } c && Rules.For(c) is not null)
            .Select(v => (v.AreaCode, v.DedicatedCategory!.Value))
            .Distinct()
            .Order()
            .ToArray();

        // Plans without vehicles hold the due sites of areas that lack a vehicle of the category (issue 10 defect 6).
        Assert.Equal(expected, fixture.Set.Plans.Where(p => p.VehicleCount > 0).Select(p => (p.AreaCode, p.Category)).Order().ToArray());
    }

    [Fact]
    public void Every_due_site_is_visited_exactly_once_and_none_is_left_unserved()
    {
        Assert.All(fixture.Set.Plans.Where(p => p.VehicleCount > 0), plan =>
        {
            var visited = plan.Trips.SelectMany(t => t.Stops).Select(s => s.SiteCode).ToList();
            var due = DueSites(plan).Select(s => s.SiteCode).ToList();

            Assert.Empty(plan.Unserved);
            Assert.Equal(visited.Count, visited.Distinct().Count());
            Assert.Equal(due.Order(StringComparer.Ordinal), visited.Order(StringComparer.Ordinal));
            Assert.Equal(due.Count, plan.DueSiteCount);
        });
    }

    [Fact]
    public void Each_trip_is_made_by_a_dedicated_vehicle_of_the_plans_area_and_category()
    {
        var vehicles = fixture.Registry.Vehicles.ToDictionary(v => v.Plate);
        Assert.All(fixture.Set.Plans.SelectMany(p => p.Trips.Select(t => (p, t))), x =>
        {
            var vehicle = vehicles[x.t.VehiclePlate];
            Assert.Equal(x.p.Category, vehicle.DedicatedCategory);
            Assert.Equal(x.p.AreaCode, vehicle.AreaCode);
        });
    }

    [Fact]
    public void No_trip_carries_more_than_its_vehicle_and_each_load_is_the_sum_of_its_stops()
    {
        var vehicles = fixture.Registry.Vehicles.ToDictionary(v => v.Plate);
        var sites = fixture.Registry.Sites.ToDictionary(s => s.Code);
        Assert.All(fixture.Set.Plans, plan =>
        {
            var rule = Rules.For(plan.Category)!;
            Assert.All(plan.Trips, trip =>
            {
                var load = trip.Stops.Sum(s => DueSiteSelector.DemandKg(sites[s.SiteCode], rule));
                Assert.Equal(load, trip.LoadKg);
                Assert.InRange(trip.LoadKg, 1, vehicles[trip.VehiclePlate].CapacityKg);
            });
        });
    }

    [Fact]
    public void Each_trip_unloads_at_a_facility_that_accepts_the_category()
    {
        var facilities = fixture.Registry.Facilities.ToDictionary(f => f.Code);
        Assert.All(fixture.Set.Plans.SelectMany(p => p.Trips.Select(t => (p, t))), x =>
            Assert.Contains(x.p.Category, facilities[x.t.FacilityCode].AcceptedCategories));
    }

    /// <summary>
    /// Re-simulates every vehicle's day over great-circle travel from the depot through its stops and facilities and
    /// back, with the profile's meal break (setting <c>mealBreak</c>: 60 min starting in [11:00, 13:00]): each planned
    /// arrival is the departure from the previous visit plus the travel, except in one gap where the vehicle takes its
    /// break, where it is max(departure + travel, 11:00) + 60 min and the vehicle left by 13:00. A vehicle takes the
    /// break on the way exactly when it would be back after 13:00 without it, and every vehicle is back by 17:00.
    /// </summary>
    [Fact]
    public void Every_vehicle_takes_its_meal_break_and_is_back_at_its_depot_by_the_clearance_time_when_its_day_is_re_simulated()
    {
        var provider = new GreatCircleTravelMatrixProvider(Rules);
        var meal = fixture.Profile.Settings.MealBreak!.Value;
        var earliest = (long)meal.EarliestStart.ToTimeSpan().TotalSeconds;
        var latest = (long)meal.LatestStart.ToTimeSpan().TotalSeconds;
        var breaksTaken = 0;
        Assert.All(fixture.Set.Plans, plan =>
        {
            var depot = new GeoPoint(plan.DepotLongitude, plan.DepotLatitude);
            foreach (var vehicle in plan.Trips.GroupBy(t => t.VehiclePlate))
            {
                var trips = vehicle.OrderBy(t => t.VehicleTrip).ToList();
                Assert.Equal(Enumerable.Range(1, trips.Count), trips.Select(t => t.VehicleTrip));
                var path = new List<GeoPoint> { depot };
                var services = new List<int> { 0 };
                var planned = new List<TimeOnly> { Rules.ShiftStart };
                foreach (var trip in trips)
                {
                    Assert.Equal(planned[^1].Add(TimeSpan.FromSeconds(services[^1])), trip.DepartsAt);
                    foreach (var stop in trip.Stops)
                    {
                        path.Add(new GeoPoint(stop.Longitude, stop.Latitude));
                        services.Add(Rules.ServiceSecondsPerStop);
                        planned.Add(stop.ArrivesAt);
                    }

                    path.Add(new GeoPoint(trip.FacilityLongitude, trip.FacilityLatitude));
                    services.Add(Rules.UnloadingSeconds);
                    planned.Add(trip.UnloadsAt);
                    Assert.Equal(trip.UnloadsAt.Add(TimeSpan.FromSeconds(Rules.UnloadingSeconds)), trip.UnloadedAt);
                }

                path.Add(depot);
                planned.Add(trips[^1].ReturnsToDepotAt!.Value);
                var matrix = provider.Compute(path, TestContext.Current.CancellationToken);
                var clock = (long)Rules.ShiftStart.ToTimeSpan().TotalSeconds;
                var withoutBreak = clock;
                var breaks = 0;
                for (var k = 1; k < path.Count; k++)
                {
                    var departure = clock + services[k - 1];
                    var arrival = departure + matrix.DurationSeconds[k - 1, k];
                    withoutBreak += services[k - 1] + matrix.DurationSeconds[k - 1, k];
                    var at = (long)planned[k].ToTimeSpan().TotalSeconds;
                    if (at != arrival)
                    {
                        breaks++;
                        Assert.True(Math.Max(departure, earliest) <= latest, $"{vehicle.Key} starts its break after {meal.LatestStart}");
                        arrival = Math.Max(arrival, earliest) + meal.DurationSeconds;
                        Assert.Equal(arrival, at);
                    }

                    clock = arrival;
                }

                Assert.Equal(withoutBreak > latest ? 1 : 0, breaks);
                breaksTaken += breaks;
                Assert.True(clock <= (long)Rules.ShiftEnd.ToTimeSpan().TotalSeconds, $"{vehicle.Key} is back at {TimeSpan.FromSeconds(clock)}");
                Assert.All(trips.SkipLast(1), t => Assert.Null(t.ReturnsToDepotAt));
            }
        });
        Assert.True(breaksTaken > 0, "some demo vehicle is out after 13:00 and takes its break on the way");
    }

    [Fact]
    public void Areas_without_a_dedicated_vehicle_of_a_category_are_named_in_the_notes()
    {
        // The development zone has kitchen and other vehicles only; Dongtou has none (DemoCitySpec.Default).
        Assert.Contains(fixture.Set.Notes, n => n.StartsWith("development-zone:", StringComparison.Ordinal) && n.Contains("Hazardous", StringComparison.Ordinal));
        Assert.Contains(fixture.Set.Notes, n => n.StartsWith("330305:", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 10 defect 6: the due sites of an area without a vehicle of the category are counted unserved, each with
    /// the reason, in a plan of their own, so the day's unserved count is every due site not planned.
    /// </summary>
    [Fact]
    public void Due_sites_of_an_area_without_a_vehicle_of_the_category_are_counted_unserved_with_the_reason()
    {
        var hazardous = Assert.Single(fixture.Set.Plans, p => p is { AreaCode: "development-zone", Category: WasteCategory.Hazardous });

        Assert.Equal(0, hazardous.VehicleCount);
        Assert.Empty(hazardous.Trips);
        Assert.True(hazardous.DueSiteCount > 0);
        Assert.Equal(hazardous.DueSiteCount, hazardous.Unserved.Count);
        Assert.All(hazardous.Unserved, u => Assert.Equal("the area has no dedicated Hazardous vehicle", u.Reason));
        // Every due site is either a stop or unserved, in every plan and so over the day.
        Assert.All(fixture.Set.Plans, p => Assert.Equal(p.DueSiteCount, p.Trips.Sum(t => t.Stops.Count) + p.Unserved.Count));
        Assert.Equal(fixture.Set.DueSiteCount - fixture.Set.Plans.Sum(p => p.Trips.Sum(t => t.Stops.Count)), fixture.Set.UnservedCount);
    }

    /// <summary>Issue 10 defect 6: a stored plan reopened gives the same notes and the unserved reasons.</summary>
    [Fact]
    public async Task A_stored_day_reopened_gives_the_notes_and_the_unserved_sites_of_the_run()
    {
        var read = await fixture.Service.GetAsync(DemoCityPlanFixture.Date, null, TestContext.Current.CancellationToken);

        Assert.Equal(fixture.Set.Notes.Order(StringComparer.Ordinal), read!.Notes.Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Set.UnservedCount, read.UnservedCount);
    }

    /// <summary>Issue 10 defect 7: a day outside the profile's validity (2015-10-15..2016-12-31) is not planned.</summary>
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2015-10-14")]
    [InlineData("2017-01-01")]
    public async Task A_day_outside_the_profile_validity_is_refused_with_the_reason(string day)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var problem = fixture.Service.DateProblem(date);

        Assert.NotNull(problem);
        Assert.Contains("(2015-10-15 to 2016-12-31)", problem.En, StringComparison.Ordinal);
        Assert.Contains("有效期 2015-10-15 至 2016-12-31", problem.Zh, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.Service.PlanAsync(date, null, null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("2015-10-15")]
    [InlineData("2016-12-31")]
    public void The_first_and_last_days_of_the_profile_can_be_planned(string day)
    {
        Assert.Null(fixture.Service.DateProblem(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Progress_is_reported_at_the_start_and_end_of_every_plan()
    {
        lock (fixture.Progress)
        {
            Assert.Equal(2 * fixture.Set.Plans.Count, fixture.Progress.Count);
            Assert.Equal(fixture.Set.Plans.Count, fixture.Progress.Count(p => p.Finished));
            Assert.Equal(fixture.Set.Plans.Count, fixture.Progress[^1].Done);
        }
    }

    [Fact]
    public async Task The_stored_plans_read_back_as_they_were_made()
    {
        var read = await fixture.Service.GetAsync(DemoCityPlanFixture.Date, null, TestContext.Current.CancellationToken);

        Assert.NotNull(read);
        Assert.Equal(
            fixture.Set.Plans.Select(p => (p.AreaCode, p.Category, p.Trips.Count, p.TotalLoadKg, p.TotalDistanceMetres)).Order(),
            read.Plans.Select(p => (p.AreaCode, p.Category, p.Trips.Count, p.TotalLoadKg, p.TotalDistanceMetres)).Order());
        var first = fixture.Set.Plans.OrderBy(p => p.AreaCode, StringComparer.Ordinal).ThenBy(p => p.Category).First();
        Assert.Equal(
            first.Trips.SelectMany(t => t.Stops).Select(s => s.SiteCode),
            read.Plans[0].Trips.SelectMany(t => t.Stops).Select(s => s.SiteCode));
    }

    [Fact]
    public async Task A_day_never_planned_reads_as_null()
    {
        Assert.Null(await fixture.Service.GetAsync(new DateOnly(2014, 1, 1), null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_geojson_has_one_line_per_trip_and_a_point_per_stop()
    {
        var read = await fixture.Service.GetAsync(DemoCityPlanFixture.Date, new PlanningRequest("330302", WasteCategory.Kitchen), TestContext.Current.CancellationToken);
        var plan = Assert.Single(read!.Plans);

        var features = DailyPlanGeoJson.ToFeatureCollection(read.Plans)["features"]!.AsArray();

        var lines = features.Where(f => (string?)f!["properties"]!["kind"] == "trip").ToList();
        Assert.Equal(plan.Trips.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal("LineString", (string?)l!["geometry"]!["type"]));
        Assert.Equal(plan.Trips.Sum(t => t.Stops.Count), features.Count(f => (string?)f!["properties"]!["kind"] == "stop"));
        Assert.Equal(plan.Trips.Select(t => t.FacilityCode).Distinct().Count(), features.Count(f => (string?)f!["properties"]!["kind"] == "facility"));
        var firstTrip = plan.Trips[0];
        var firstLine = lines[0]!;
        Assert.Equal(firstTrip.Stops.Count + 2 + (firstTrip.ReturnsToDepotAt is null ? 0 : 1), firstLine["geometry"]!["coordinates"]!.AsArray().Count);
        Assert.Equal("Kitchen", (string?)firstLine["properties"]!["category"]);
        Assert.Equal(firstTrip.LoadKg, (long)firstLine["properties"]!["loadKg"]!);
    }

    [Fact]
    public async Task Planning_an_unknown_area_plans_nothing_keeps_the_stored_plans_and_says_why()
    {
        var set = await fixture.Service.PlanAsync(DemoCityPlanFixture.Date, new PlanningRequest("999999"), null, TestContext.Current.CancellationToken);
        var stored = await fixture.Service.GetAsync(DemoCityPlanFixture.Date, null, TestContext.Current.CancellationToken);

        Assert.Empty(set.Plans);
        Assert.StartsWith("Nothing to plan on 2015-12-01 in area '999999'", Assert.Single(set.Notes), StringComparison.Ordinal);
        Assert.Equal(fixture.Set.Plans.Count, stored!.Plans.Count);
    }
}
