using CitySort.Collection;
using CitySort.Registry;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

public sealed class EventIntakeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accepted_pickup_is_stored_and_read_back_whole()
    {
        await using var host = await SqliteAsync();

        var result = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup,
            Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 42.5m, ""","binId":"1","point":{"longitude":120.65,"latitude":28.01,"datum":"wgs84"}"""));

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        var stored = Assert.IsType<PickupEvent>(Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), EventKind.Pickup, Token)));
        Assert.Equal(("P-1", "LC-1", WasteCategory.Other, 42.5m), (stored.EventId, stored.SiteCode, stored.Category, stored.EstimatedKg));
        Assert.Equal(new DateTimeOffset(2015, 11, 30, 23, 30, 0, TimeSpan.Zero), stored.DeviceTime);
        Assert.Equal(TimeSpan.FromHours(8), stored.DeviceTime.Offset);
        Assert.Equal("1", stored.BinId);
    }

    [Fact]
    public async Task A_time_without_offset_is_read_as_Asia_Shanghai()
    {
        await using var host = await SqliteAsync();

        await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00", 10m));

        var stored = Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, Token));
        // 07:30 in Shanghai (UTC+8) is 2015-11-30 23:30 UTC, not 07:30 UTC nor the server's zone.
        Assert.Equal(new DateTimeOffset(2015, 11, 30, 23, 30, 0, TimeSpan.Zero), stored.DeviceTime);
    }

    [Fact]
    public async Task A_time_without_offset_is_read_in_the_devices_own_zone()
    {
        await using var host = await SqliteAsync();
        var device = TruckDevice(OtherTruck) with { TimeZoneId = "Asia/Tokyo" };

        await host.SubmitOneAsync(device, EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T08:30:00", 10m));

        var stored = Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, Token));
        // 08:30 in Tokyo (UTC+9) is 2015-11-30 23:30 UTC = 07:30 in Shanghai.
        Assert.Equal(new DateTimeOffset(2015, 11, 30, 23, 30, 0, TimeSpan.Zero), stored.DeviceTime);
        Assert.Equal(TimeSpan.FromHours(9), stored.DeviceTime.Offset);
    }

    [Fact]
    public async Task A_ticket_weighed_out_at_16_00_UTC_lands_on_the_next_Shanghai_business_day()
    {
        await using var host = await SqliteAsync();

        var result = await host.SubmitOneAsync(Weighbridge(WasteToEnergy), EventKind.WeighTicket,
            Ticket("T-1", WasteToEnergy, OtherTruck, "2015-12-01T15:40:00Z", "2015-12-01T16:00:00Z", 9100, 8000, 1100, "Other"));

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        // 16:00 UTC + 8 h = 00:00 on 2015-12-02 in Shanghai.
        Assert.Empty(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, Token));
        Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 2), null, Token));
        var rollup = Assert.Single(await host.Store.ReadDailyAsync(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 2), Token));
        Assert.Equal((new DateOnly(2015, 12, 2), 1100m), (rollup.BusinessDay, rollup.TicketNetKg));
    }

    [Fact]
    public async Task A_late_gps_fix_is_stored_and_the_reader_orders_by_device_time()
    {
        await using var host = await SqliteAsync();
        var device = TruckDevice(OtherTruck);

        await host.SubmitOneAsync(device, EventKind.GpsFix, Gps("G-2", OtherTruck, "2015-12-01T08:00:10+08:00", 120.651, 28.011));
        var late = await host.SubmitOneAsync(device, EventKind.GpsFix, Gps("G-1", OtherTruck, "2015-12-01T08:00:00+08:00", 120.650, 28.010));

        Assert.Equal(IntakeOutcome.Accepted, late.Outcome);
        var fixes = await host.Reader.ReadVehicleDayAsync(OtherTruck, new DateOnly(2015, 12, 1), Token);
        Assert.Equal(["G-1", "G-2"], fixes.Select(f => f.EventId));
    }

    [Fact]
    public async Task A_gcj02_point_is_converted_to_wgs84_and_its_datum_recorded()
    {
        await using var host = await SqliteAsync();

        await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.GpsFix, Gps("G-1", OtherTruck, "2015-12-01T08:00:00+08:00", 120.655, 28.016, "gcj02"));

        var fix = Assert.IsType<GpsFixEvent>(Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), EventKind.GpsFix, Token)));
        var (lon, lat) = CitySort.Imports.Gcj02Converter.ToWgs84(120.655, 28.016);
        Assert.Equal(CoordinateDatum.Gcj02, fix.Point.SourceDatum);
        Assert.Equal(lon, fix.Point.Longitude, 9);
        Assert.Equal(lat, fix.Point.Latitude, 9);
        Assert.NotEqual(120.655, fix.Point.Longitude, 4);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_counted_once_in_the_rollups()
    {
        await using var host = await SqliteAsync();
        var json = Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m);
        var reordered = """{"estimatedKg":400.000,"category":"Other","siteCode":"LC-1","vehiclePlate":"浙C10001","deviceTime":"2015-11-30T23:30:00Z","eventId":"P-1"}""";

        var first = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, json);
        var second = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, reordered);

        Assert.Equal((IntakeOutcome.Accepted, IntakeOutcome.Duplicate), (first.Outcome, second.Outcome));
        var rollup = Assert.Single(await host.Store.ReadDailyAsync(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 1), Token));
        Assert.Equal((1L, 400m), (rollup.PickupCount, rollup.PickupEstimatedKg));
        Assert.Empty(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token));
    }

    [Fact]
    public async Task The_same_id_in_one_batch_twice_is_applied_once()
    {
        await using var host = await SqliteAsync();
        var json = Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m);

        var results = await host.Intake.SubmitAsync(TruckDevice(OtherTruck), [Json(json, EventKind.Pickup), Json(json, EventKind.Pickup)], Token);

        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Duplicate], results.Select(r => r.Outcome));
        Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, Token));
    }

    [Fact]
    public async Task The_same_id_with_other_content_is_a_conflict_that_leaves_the_first_intact()
    {
        await using var host = await SqliteAsync();
        var device = TruckDevice(OtherTruck);
        await host.SubmitOneAsync(device, EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m));

        var conflict = await host.SubmitOneAsync(device, EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 900m));

        Assert.Equal((IntakeOutcome.Conflict, ReasonCodes.Conflict), (conflict.Outcome, conflict.ReasonCode));
        var stored = Assert.IsType<PickupEvent>(Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, Token)));
        Assert.Equal(400m, stored.EstimatedKg);
        var rollup = Assert.Single(await host.Store.ReadDailyAsync(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 1), Token));
        Assert.Equal(400m, rollup.PickupEstimatedKg);
        var rejection = Assert.Single(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token));
        Assert.Equal((IntakeOutcome.Conflict, "P-1", device.DeviceId), (rejection.Outcome, rejection.EventId, rejection.DeviceId));
        Assert.Contains("900", rejection.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_ids_are_unique_per_device_not_across_devices()
    {
        await using var host = await SqliteAsync();

        var a = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m));
        var b = await host.SubmitOneAsync(TruckDevice(RecyclableTruck), EventKind.Pickup, Pickup("P-1", RecyclableTruck, "LC-1", "Recyclable", "2015-12-01T07:40:00+08:00", 40m));

        Assert.Equal((IntakeOutcome.Accepted, IntakeOutcome.Accepted), (a.Outcome, b.Outcome));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_stores_nothing_but_the_rejection()
    {
        await using var host = await SqliteAsync();
        var device = Weighbridge(WasteToEnergy);
        IncomingEvent[] rows =
        [
            Json(Ticket("T-1", WasteToEnergy, OtherTruck, "2015-12-01T10:00:00+08:00", "2015-12-01T10:20:00+08:00", 9100, 8000, 1100, "Other"), EventKind.WeighTicket, "tickets.csv:2"),
            Json(Ticket("T-2", WasteToEnergy, OtherTruck, "2015-12-01T11:00:00+08:00", "2015-12-01T11:20:00+08:00", 9100, 8000, 1000, "Other"), EventKind.WeighTicket, "tickets.csv:3"),
            Json(Ticket("T-3", WasteToEnergy, OuhaiTruck, "2015-12-01T12:00:00+08:00", "2015-12-01T12:20:00+08:00", 8500, 8000, 500, "Other"), EventKind.WeighTicket, "tickets.csv:4"),
        ];

        var results = await host.Intake.SubmitFileAsync(device, rows, Token);

        Assert.Equal([ReasonCodes.FileRejected, ReasonCodes.NetMismatch, ReasonCodes.FileRejected], results.Select(r => r.ReasonCode));
        Assert.All(results, r => Assert.Equal(IntakeOutcome.Rejected, r.Outcome));
        Assert.Empty(await host.Reader.ReadDayAsync(new DateOnly(2015, 12, 1), null, Token));
        Assert.Empty(await host.Store.ReadDailyAsync(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 1), Token));
        var rejection = Assert.Single(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token));
        Assert.Equal(("tickets.csv:3", ReasonCodes.NetMismatch), (rejection.Source, rejection.ReasonCode));
    }

    [Fact]
    public async Task A_good_file_imported_twice_changes_nothing_the_second_time()
    {
        await using var host = await SqliteAsync();
        var device = Weighbridge(WasteToEnergy);
        IncomingEvent[] rows =
        [
            Json(Ticket("T-1", WasteToEnergy, OtherTruck, "2015-12-01T10:00:00+08:00", "2015-12-01T10:20:00+08:00", 9100, 8000, 1100, "Other"), EventKind.WeighTicket, "tickets.csv:2"),
        ];

        await host.Intake.SubmitFileAsync(device, rows, Token);
        var again = await host.Intake.SubmitFileAsync(device, rows, Token);

        Assert.Equal(IntakeOutcome.Duplicate, Assert.Single(again).Outcome);
        Assert.Equal(1100m, Assert.Single(await host.Store.ReadDailyAsync(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 1), Token)).TicketNetKg);
    }

    [Fact]
    public async Task Concurrent_submissions_are_each_answered_after_their_commit()
    {
        await using var host = await SqliteAsync();
        var device = TruckDevice(OtherTruck);

        var calls = Enumerable.Range(0, 40).Select(i => host.Intake.SubmitAsync(device,
            [Json(Pickup($"P-{i}", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 10m), EventKind.Pickup)], Token)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(IntakeOutcome.Accepted, Assert.Single(r).Outcome));
        // 40 pickups × 10 kg = 400 kg, one rollup row.
        var rollup = Assert.Single(await host.Store.ReadDailyAsync(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 1), Token));
        Assert.Equal((40L, 400m), (rollup.PickupCount, rollup.PickupEstimatedKg));
    }

    [Fact]
    public async Task A_failing_sink_does_not_break_intake_and_the_others_are_told()
    {
        var told = new RecordingSink();
        await using var host = await SqliteAsync(new FailingSink(), told);

        var result = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 10m));
        var batch = await told.First.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal("P-1", Assert.Single(batch.Accepted).EventId);
        Assert.Equal([new DateOnly(2015, 12, 1)], batch.BusinessDays);
        var next = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, Pickup("P-2", OtherTruck, "LC-1", "Other", "2015-12-01T07:40:00+08:00", 10m));
        Assert.Equal(IntakeOutcome.Accepted, next.Outcome);
    }

    [Fact]
    public async Task A_demo_device_may_replay_an_old_day_and_its_events_are_illustrative()
    {
        await using var host = await SqliteAsync();

        var result = await host.SubmitOneAsync(new DeviceIdentity("demo", DeviceKind.Demo), EventKind.Pickup,
            Pickup("P-1", OtherTruck, "LC-1", "Other", "2013-06-01T07:30:00+08:00", 10m));

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.True(Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2013, 6, 1), null, Token)).IsIllustrative);
        Assert.True(Assert.Single(await host.Store.ReadDailyAsync(new DateOnly(2013, 6, 1), new DateOnly(2013, 6, 1), Token)).IsIllustrative);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole()
    {
        await using var host = await SqliteAsync();
        var events = Enumerable.Repeat(Json("{}", EventKind.Pickup), IEventIntake.MaxBatchSize + 1).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Intake.SubmitAsync(TruckDevice(OtherTruck), events, Token));
    }

    [Fact]
    public async Task Rebuilt_rollups_equal_the_incremental_ones()
    {
        await using var host = await SqliteAsync();
        await HandWorkedDay.SubmitAsync(host);
        var from = new DateOnly(2015, 11, 1);
        var to = new DateOnly(2015, 12, 31);
        var daily = await host.Store.ReadDailyAsync(from, to, Token);
        var sites = await host.Store.ReadSiteDaysAsync(from, to, Token);
        var vehicles = await host.Store.ReadVehicleDaysAsync(from, to, Token);

        var events = await host.Store.RebuildRollupsAsync(null, Token);

        Assert.Equal(HandWorkedDay.PickupCount + HandWorkedDay.TicketCount, events);
        Assert.Equal(Sorted(daily), Sorted(await host.Store.ReadDailyAsync(from, to, Token)));
        Assert.Equal(sites.OrderBy(s => s.SiteCode + s.Category), (await host.Store.ReadSiteDaysAsync(from, to, Token)).OrderBy(s => s.SiteCode + s.Category));
        Assert.Equal(vehicles.OrderBy(v => v.VehiclePlate), (await host.Store.ReadVehicleDaysAsync(from, to, Token)).OrderBy(v => v.VehiclePlate));
        Assert.NotEmpty(daily);
    }

    private static IEnumerable<DailyRollup> Sorted(IEnumerable<DailyRollup> rows) =>
        rows.OrderBy(r => r.DistrictCode, StringComparer.Ordinal).ThenBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.FacilityCode, StringComparer.Ordinal);

    private sealed class FailingSink : ICommittedEventSink
    {
        public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken) => throw new InvalidOperationException("sink down");
    }

    private sealed class RecordingSink : ICommittedEventSink
    {
        public TaskCompletionSource<CommittedBatch> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken)
        {
            First.TrySetResult(batch);
            return ValueTask.CompletedTask;
        }
    }
}
