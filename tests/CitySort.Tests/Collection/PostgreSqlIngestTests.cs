using CitySort.Collection;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

public sealed class PostgreSqlIngestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_kind_is_copied_into_its_monthly_partition_and_read_back_on_postgresql()
    {
        await using var host = await PostgreSqlAsync();
        await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.GpsFix, Gps("G-1", OtherTruck, "2015-11-30T23:59:00+08:00", 120.65, 28.01));
        await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.GpsFix, Gps("G-2", OtherTruck, "2015-12-01T00:01:00+08:00", 120.65, 28.01));
        await host.SubmitOneAsync(Inspector, EventKind.InspectionFinding,
            """{"eventId":"I-1","deviceTime":"2015-12-01T09:00:00+08:00","siteCode":"LC-1","inspector":"王芳","clauseId":"W96-K5","note":"混装"}""");

        await HandWorkedDay.SubmitAsync(host);

        Assert.Single(await host.Reader.ReadDayAsync(new DateOnly(2015, 11, 30), null, Token));
        var day = await host.Reader.ReadDayAsync(HandWorkedDay.Day, null, Token);
        // 4 pickups + 4 tickets + 1 GPS fix + 1 finding on 2015-12-01.
        Assert.Equal(10, day.Count);
        Assert.Equal(day.OrderBy(e => e.DeviceTime).Select(e => e.EventId), day.Select(e => e.EventId));
        var finding = Assert.IsType<InspectionFindingEvent>(day.Single(e => e.EventId == "I-1"));
        Assert.Equal(("W96-K5", "混装"), (finding.ClauseId, finding.Note));
        var evidence = await host.Reader.ReadByIdsAsync([new EventKey(Weighbridge(WasteToEnergy).DeviceId, "T-1"), new EventKey("nobody", "T-1")], Token);
        Assert.Equal(1100m, Assert.IsType<WeighTicketEvent>(Assert.Single(evidence)).NetKg);
    }

    [Fact]
    public async Task A_duplicate_counts_once_and_a_conflict_keeps_the_first_on_postgresql()
    {
        await using var host = await PostgreSqlAsync();
        var device = TruckDevice(OtherTruck);
        var first = Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m);

        var outcomes = new[]
        {
            (await host.SubmitOneAsync(device, EventKind.Pickup, first)).Outcome,
            (await host.SubmitOneAsync(device, EventKind.Pickup, first)).Outcome,
            (await host.SubmitOneAsync(device, EventKind.Pickup, Pickup("P-1", OtherTruck, "LC-2", "Other", "2015-12-01T07:30:00+08:00", 400m))).Outcome,
        };

        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Duplicate, IntakeOutcome.Conflict], outcomes);
        var stored = Assert.IsType<PickupEvent>(Assert.Single(await host.Reader.ReadDayAsync(HandWorkedDay.Day, null, Token)));
        Assert.Equal("LC-1", stored.SiteCode);
        Assert.Equal(1L, Assert.Single(await host.Store.ReadDailyAsync(HandWorkedDay.Day, HandWorkedDay.Day, Token)).PickupCount);
        Assert.Equal(IntakeOutcome.Conflict, Assert.Single(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token)).Outcome);
    }

    [Fact]
    public async Task Rebuilt_rollups_equal_the_incremental_ones_on_postgresql()
    {
        await using var host = await PostgreSqlAsync();
        await HandWorkedDay.SubmitAsync(host);
        var before = await host.Store.ReadVehicleDaysAsync(HandWorkedDay.Day, HandWorkedDay.Day, Token);

        await host.Store.RebuildRollupsAsync(null, Token);

        Assert.Equal(before.OrderBy(v => v.VehiclePlate), (await host.Store.ReadVehicleDaysAsync(HandWorkedDay.Day, HandWorkedDay.Day, Token)).OrderBy(v => v.VehiclePlate));
    }
}
