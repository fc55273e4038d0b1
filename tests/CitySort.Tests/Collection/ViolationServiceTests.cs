using CitySort.Collection;
using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CitySort.Tests.Collection.DayEvents;

namespace CitySort.Tests.Collection;

public sealed class ViolationServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A small registry: district 330302, a sealed kitchen vehicle 浙C0001, the facilities of <see cref="DayEvents.Facilities"/>, and public place PP-1 with an other-waste bin.</summary>
    private static async Task SeedAsync(TestDatabase db)
    {
        await using var context = db.Context();
        context.Districts.Add(new District { Code = "330302", NameZh = "鹿城区" });
        context.Haulers.Add(new Hauler { Code = "H1", Name = "hauler" });
        context.Vehicles.Add(new Vehicle { Plate = Plate, DistrictCode = "330302", AreaCode = "330302", HaulerCode = "H1", DedicatedCategory = WasteCategory.Kitchen, CapacityKg = 5000, CapacityCubicMetres = 8, Sealed = true });
        foreach (var f in Facilities.Values)
        {
            context.Facilities.Add(new Facility { Code = f.Code, Name = f.Code, AcceptedCategories = f.AcceptedCategories.ToList(), AcceptedStreams = f.AcceptedStreams.ToList() });
        }

        context.Sites.Add(new Site
        {
            Code = "PP-1", Name = "square", Type = SiteType.PublicPlace, DistrictCode = "330302", CollectedSorted = true, Longitude = 120.65, Latitude = 28.0,
            Bins = [new Bin { Category = WasteCategory.Other, Placement = BinPlacement.Site, Count = 2, VolumeLitres = 240 }],
        });
        await context.SaveChangesAsync(Ct);
    }

    private static (ViolationService Service, InMemoryEventReader Events, FakeTimeProvider Time) Service(TestDatabase db, DateTimeOffset now)
    {
        var reader = new InMemoryEventReader();
        var time = new FakeTimeProvider(now.ToUniversalTime());
        var factory = new ServiceCollection().AddCitySortStorage(db.Options).BuildServiceProvider().GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        return (new ViolationService(factory, reader, ProfileLoader.LoadDefault(), time), reader, time);
    }

    /// <summary>
    /// The Kitchen plan of <see cref="Plate"/> on <paramref name="day"/> in Lucheng: one trip, depot (120.65) → A (120.66)
    /// at 06:00 → B (120.67) at 06:20 → KWP (120.70), due east along 28.000 N, in a shift of 05:00–17:00.
    /// </summary>
    private static DailyPlan KitchenPlan(DateOnly day) => new()
    {
        Date = day, AreaCode = "330302", DistrictCode = "330302", Category = WasteCategory.Kitchen, ProfileId = "wenzhou-2015", ProfileVersion = "1",
        DepotName = "depot", DepotLongitude = 120.65, DepotLatitude = 28.0, ShiftStart = new TimeOnly(5, 0), ShiftEnd = new TimeOnly(17, 0),
        Trips =
        [
            new PlannedTrip
            {
                VehiclePlate = Plate, VehicleTrip = 1, FacilityCode = "KWP", FacilityName = "KWP", FacilityLongitude = 120.70, FacilityLatitude = 28.0,
                Stops =
                [
                    new PlannedStop { Sequence = 1, SiteCode = "A", SiteName = "A", Longitude = 120.66, Latitude = 28.0, ArrivesAt = new TimeOnly(6, 0) },
                    new PlannedStop { Sequence = 2, SiteCode = "B", SiteName = "B", Longitude = 120.67, Latitude = 28.0, ArrivesAt = new TimeOnly(6, 20) },
                ],
            },
        ],
    };

    private static CommittedBatch Batch(params CollectionEvent[] events) => new(events, 0, events.Select(e => e.BusinessDay).Distinct().ToList());

    [Fact]
    public async Task A_batch_with_a_mixing_pickup_stores_one_open_violation_and_the_same_batch_again_does_not_double_it()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        var (service, events, _) = Service(db, At("09:00"));
        CollectionEvent[] batch = [Pickup("p1", "07:00", "S1", WasteCategory.Kitchen), Pickup("p2", "08:12", "S2", WasteCategory.Other)];
        events.Events.AddRange(batch);

        await service.EvaluateBatchAsync(Batch(batch), Ct);
        await service.EvaluateBatchAsync(Batch(batch), Ct);

        // Kitchen vehicle + other-waste pickup p2: dedicated mismatch (p2) and a trip spanning kitchen and other (p1, p2), W96-K5.
        var stored = await service.ListAsync(new ViolationQuery(), Ct);
        Assert.Equal([ViolationKind.MixedDedicatedVehicle, ViolationKind.MixedTrip], stored.Select(v => v.Kind).Order());
        Assert.All(stored, v => Assert.Equal(ViolationStatus.Open, v.Status));
        var mixed = stored.Single(v => v.Kind == ViolationKind.MixedDedicatedVehicle);
        Assert.Equal(("330302", "S2", "p2"), (mixed.DistrictCode, mixed.SiteCode, Assert.Single(mixed.Evidence).EventId));
    }

    [Fact]
    public async Task A_dismissed_violation_keeps_its_review_when_re_evaluated_and_an_open_one_no_longer_shown_is_removed()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        var (service, events, time) = Service(db, At("09:00"));
        CollectionEvent[] batch = [Pickup("p1", "07:00", "S1", WasteCategory.Kitchen), Pickup("p2", "08:12", "S2", WasteCategory.Other)];
        events.Events.AddRange(batch);
        await service.EvaluateBatchAsync(Batch(batch), Ct);
        var dedicated = (await service.ListAsync(new ViolationQuery(Kind: ViolationKind.MixedDedicatedVehicle), Ct)).Single();
        time.Advance(TimeSpan.FromMinutes(30));

        var review = await service.ReviewAsync(dedicated.Id, confirm: false, "  Wang Fang ", "The bin was mislabelled; checked on site.", Ct);
        // A ticket at 07:30 now splits the day: p1 | t1 | p2, so no trip spans categories any more; p2 still mismatches.
        var ticket = Ticket("t1", "07:30", "KWP", WasteCategory.Kitchen);
        events.Events.Add(ticket);
        await service.EvaluateBatchAsync(Batch(ticket), Ct);

        Assert.Equal(ReviewOutcome.Recorded, review.Outcome);
        var after = await service.ListAsync(new ViolationQuery(), Ct);
        var kept = Assert.Single(after);
        Assert.Equal(dedicated.Id, kept.Id);
        Assert.Equal((ViolationStatus.Dismissed, "Wang Fang", At("09:30"), "The bin was mislabelled; checked on site."), (kept.Status, kept.ReviewedBy, kept.ReviewedAt, kept.ReviewReason));
    }

    [Fact]
    public async Task Dismissing_without_a_reason_or_without_a_reviewer_is_refused_and_changes_nothing()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        var (service, events, _) = Service(db, At("09:00"));
        var p = Pickup("p2", "08:12", "S2", WasteCategory.Other);
        events.Events.Add(p);
        await service.EvaluateBatchAsync(Batch(p), Ct);
        var id = (await service.ListAsync(new ViolationQuery(Kind: ViolationKind.MixedDedicatedVehicle), Ct)).Single().Id;

        var noReason = await service.ReviewAsync(id, confirm: false, "Wang Fang", " ", Ct);
        var noReviewer = await service.ReviewAsync(id, confirm: true, null, null, Ct);
        var unknown = await service.ReviewAsync(id + 1000, confirm: true, "Wang Fang", null, Ct);

        Assert.Equal((ReviewOutcome.Invalid, ReviewOutcome.Invalid, ReviewOutcome.NotFound), (noReason.Outcome, noReviewer.Outcome, unknown.Outcome));
        Assert.Contains("理由", noReason.ProblemZh, StringComparison.Ordinal);
        Assert.Equal(ViolationStatus.Open, (await service.GetAsync(id, Ct))!.Status);
    }

    [Fact]
    public async Task The_day_end_evaluation_finds_the_missed_planned_stop_and_the_uncleared_due_site()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        // PP-1 is a public place with other-waste bins: due every 2 days (planning.categories[Other]); take the due one of two days.
        var day = DueSiteSelector.IsDue("PP-1", 2, Day) ? Day : Day.AddDays(1);
        var local = (string hhmm) => new DateTimeOffset(day.ToDateTime(TimeOnly.Parse(hhmm, System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromHours(8));
        await using (var context = db.Context())
        {
            context.DailyPlans.Add(KitchenPlan(day));
            await context.SaveChangesAsync(Ct);
        }

        var (service, events, _) = Service(db, local("17:05"));
        events.Events.Add(Pickup("p1", "06:01", "A", WasteCategory.Kitchen) with { DeviceTime = local("06:01") });

        var result = await service.EvaluateDayAsync(day, Ct);
        var again = await service.EvaluateDayAsync(day, Ct);

        // Planned A and B, picked up only A → B missed (W96-T3); PP-1 due for other waste, no pickup by 17:00 (W96-K3).
        Assert.True(result.Judged);
        Assert.Equal((1, 1, 2, 2), (result.VehicleCount, result.DueSiteCount, result.OpenCount, result.TotalCount));
        Assert.Equal(2, again.TotalCount);
        var stored = await service.ListAsync(new ViolationQuery(From: day, To: day), Ct);
        Assert.Equal([("B", ViolationKind.MissedPickup), ("PP-1", ViolationKind.NotClearedSameDay)], stored.Select(v => (v.SiteCode!, v.Kind)).Order());
    }

    [Fact]
    public async Task A_day_without_any_pickup_is_not_judged_for_missed_pickups_or_clearance()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        var (service, _, _) = Service(db, At("23:00"));

        var result = await service.EvaluateDayAsync(Day, Ct);

        Assert.False(result.Judged);
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task PostgreSQL_stores_reviews_and_re_evaluates_without_doubling()
    {
        await using var db = await TestDatabase.PostgreSqlAsync();
        await SeedAsync(db);
        var (service, events, _) = Service(db, At("09:00"));
        var t = Ticket("t1", "09:00", "WTE", WasteCategory.Kitchen);
        events.Events.Add(t);

        await service.EvaluateBatchAsync(Batch(t), Ct);
        var id = Assert.Single(await service.ListAsync(new ViolationQuery(Kind: ViolationKind.MixedAtFacility), Ct)).Id;
        await service.ReviewAsync(id, confirm: true, "Li Wei", null, Ct);
        await service.EvaluateBatchAsync(Batch(t), Ct);

        var stored = Assert.Single(await service.ListAsync(new ViolationQuery(Kind: ViolationKind.MixedAtFacility), Ct));
        Assert.Equal((id, ViolationStatus.Confirmed, "WTE"), (stored.Id, stored.Status, stored.FacilityCode));
    }

    [Fact]
    public async Task Gps_fixes_alone_check_the_planned_vehicle_for_leaving_its_line_and_do_not_read_the_day_of_a_vehicle_without_a_route()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        const string unplanned = "浙C0002";
        await using (var context = db.Context())
        {
            context.Vehicles.Add(new Vehicle { Plate = unplanned, DistrictCode = "330302", AreaCode = "330302", HaulerCode = "H1", CapacityKg = 5000, CapacityCubicMetres = 8 });
            // The plan's path runs due east along 28.000 N: depot (120.65) → A (120.66) → B (120.67) → KWP (120.70).
            context.DailyPlans.Add(KitchenPlan(Day));
            await context.SaveChangesAsync(Ct);
        }

        var events = new CountingEventReader();
        var factory = new ServiceCollection().AddCitySortStorage(db.Options).BuildServiceProvider().GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        var service = new ViolationService(factory, events, ProfileLoader.LoadDefault(), new FakeTimeProvider(At("09:00").ToUniversalTime()));

        // 28.006 N is 0.006 × 111,195 = 667.2 m north of the path (> 500 m) from 08:00 to 08:11: 11 min > 10 min.
        CollectionEvent[] planned = [Fix("g1", "07:55", 120.652, 28.0), Fix("g2", "08:00", 120.653, 28.006), Fix("g3", "08:05", 120.655, 28.007), Fix("g4", "08:11", 120.657, 28.006), Fix("g5", "08:15", 120.658, 28.004)];
        // The same track from a vehicle with neither plan nor dedicated line: nothing can be off its line.
        CollectionEvent[] other = planned.Cast<GpsFixEvent>().Select(f => f with { EventId = "u-" + f.EventId, VehiclePlate = unplanned }).ToArray<CollectionEvent>();
        events.Inner.Events.AddRange(planned);
        events.Inner.Events.AddRange(other);

        await service.EvaluateBatchAsync(Batch([.. planned, .. other]), Ct);

        var found = Assert.Single(await service.ListAsync(new ViolationQuery(From: Day, To: Day), Ct));
        Assert.Equal((ViolationKind.OffPlannedLine, Plate), (found.Kind, found.VehiclePlate));
        Assert.Equal(["g2", "g3", "g4"], found.Evidence.OrderBy(e => e.Ordinal).Select(e => e.EventId));
        Assert.Equal(1, events.VehicleDayReads.GetValueOrDefault(Plate));
        Assert.Equal(0, events.VehicleDayReads.GetValueOrDefault(unplanned));
    }

    [Fact]
    public async Task After_the_clearance_time_gps_fixes_alone_re_check_the_planned_vehicle_for_missed_stops_and_do_not_read_the_day_of_a_vehicle_without_a_route()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SeedAsync(db);
        const string unplanned = "浙C0002";
        await using (var context = db.Context())
        {
            context.Vehicles.Add(new Vehicle { Plate = unplanned, DistrictCode = "330302", AreaCode = "330302", HaulerCode = "H1", CapacityKg = 5000, CapacityCubicMetres = 8 });
            context.DailyPlans.Add(KitchenPlan(Day));
            await context.SaveChangesAsync(Ct);
        }

        var events = new CountingEventReader();
        var factory = new ServiceCollection().AddCitySortStorage(db.Options).BuildServiceProvider().GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        // 18:00 is past the clearance time (planning.shiftEnd, 17:00).
        var service = new ViolationService(factory, events, ProfileLoader.LoadDefault(), new FakeTimeProvider(At("18:00").ToUniversalTime()));

        // Both fixes lie on the plan's path (28.000 N), so nothing is off the line; no pickup at A or B.
        CollectionEvent[] planned = [Fix("g1", "06:00", 120.66, 28.0), Fix("g2", "06:30", 120.67, 28.0)];
        CollectionEvent[] other = planned.Cast<GpsFixEvent>().Select(f => f with { EventId = "u-" + f.EventId, VehiclePlate = unplanned }).ToArray<CollectionEvent>();
        events.Inner.Events.AddRange(planned);
        events.Inner.Events.AddRange(other);

        await service.EvaluateBatchAsync(Batch([.. planned, .. other]), Ct);

        // Planned stops A (06:00) and B (06:20), neither picked up → two missed pickups, each naming the last report (g2, 06:30).
        var found = await service.ListAsync(new ViolationQuery(From: Day, To: Day), Ct);
        Assert.Equal([("A", ViolationKind.MissedPickup), ("B", ViolationKind.MissedPickup)], found.Select(v => (v.SiteCode!, v.Kind)).Order());
        Assert.All(found, v => Assert.Equal((Plate, "g2"), (v.VehiclePlate, Assert.Single(v.Evidence).EventId)));
        Assert.Equal(1, events.VehicleDayReads.GetValueOrDefault(Plate));
        Assert.Equal(0, events.VehicleDayReads.GetValueOrDefault(unplanned));
    }

    /// <summary>The in-memory reader, counting the vehicle-day reads per plate.</summary>
    private sealed class CountingEventReader : ICollectionEventReader
    {
        public InMemoryEventReader Inner { get; } = new();

        public Dictionary<string, int> VehicleDayReads { get; } = new(StringComparer.Ordinal);

        public Task<IReadOnlyList<CollectionEvent>> ReadVehicleDayAsync(string vehiclePlate, DateOnly businessDay, CancellationToken cancellationToken)
        {
            VehicleDayReads[vehiclePlate] = VehicleDayReads.GetValueOrDefault(vehiclePlate) + 1;
            return Inner.ReadVehicleDayAsync(vehiclePlate, businessDay, cancellationToken);
        }

        public Task<IReadOnlyList<CollectionEvent>> ReadDayAsync(DateOnly businessDay, EventKind? kind, CancellationToken cancellationToken) =>
            Inner.ReadDayAsync(businessDay, kind, cancellationToken);

        public Task<IReadOnlyList<CollectionEvent>> ReadByIdsAsync(IReadOnlyList<EventKey> keys, CancellationToken cancellationToken) =>
            Inner.ReadByIdsAsync(keys, cancellationToken);
    }
}
