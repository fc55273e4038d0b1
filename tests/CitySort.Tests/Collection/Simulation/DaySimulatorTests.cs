using System.Text.Json;
using CitySort.Collection.Simulation;
using CitySort.Demo;
using CitySort.Registry;
using CitySort.Tests.Planning;

namespace CitySort.Tests.Collection.Simulation;

/// <summary>
/// The simulator's generated day over the demo city and its plans for 2015-12-01 (issue 9, item 7): pure generation,
/// nothing published.
/// </summary>
public sealed class DaySimulatorTests(DemoCityPlanFixture fixture) : IClassFixture<DemoCityPlanFixture>
{
    private SimulationCity City() => new(
        fixture.Registry.Sites, fixture.Registry.Vehicles, fixture.Registry.Facilities, fixture.Set.Plans,
        fixture.Profile.Settings.Planning!.Value, DemoCitySpec.Default, fixture.Service.AreaOf);

    private SimulatedDay Day(bool faults, int seed = 1) =>
        DaySimulator.Generate(City(), new SimulationOptions { Date = DemoCityPlanFixture.Date, InjectFaults = faults, Seed = seed });

    [Fact]
    public void Every_pickup_is_at_a_stop_its_vehicle_was_planned_or_routed_to()
    {
        var day = Day(faults: true);
        var planned = fixture.Set.Plans.SelectMany(p => p.Trips).SelectMany(t => t.Stops.Select(s => (t.VehiclePlate, s.SiteCode)))
            .Concat(day.Rounds.SelectMany(r => r.SiteCodes.Select(s => (r.VehiclePlate, s))))
            .ToHashSet();

        var pickups = day.Messages.Where(m => m.Kind == SimulatedMessageKind.Pickup && m.Fault is not SimulationFault.Malformed).ToList();

        Assert.NotEmpty(pickups);
        Assert.All(pickups, m => Assert.Contains((m.VehiclePlate, m.SiteCode!), planned));
    }

    [Fact]
    public void Every_weigh_ticket_is_at_a_facility_that_accepts_its_declared_category()
    {
        var facilities = fixture.Registry.Facilities.ToDictionary(f => f.Code);

        var tickets = Day(faults: false).Messages.Where(m => m.Kind == SimulatedMessageKind.WeighTicket).ToList();

        Assert.NotEmpty(tickets);
        Assert.All(tickets, m => Assert.Contains(m.Category!.Value, facilities[m.FacilityCode!].AcceptedCategories));
        Assert.Contains(tickets, m => facilities[m.FacilityCode!].Kind == FacilityKind.TransferStation);
        Assert.Contains(tickets, m => facilities[m.FacilityCode!].Kind == FacilityKind.WasteToEnergyPlant);
    }

    [Fact]
    public void Each_ticket_says_net_equals_gross_minus_tare_within_the_vehicle_capacity()
    {
        var capacity = fixture.Registry.Vehicles.ToDictionary(v => v.Plate, v => v.CapacityKg);

        foreach (var ticket in Day(faults: false).Messages.Where(m => m.Kind == SimulatedMessageKind.WeighTicket))
        {
            using var json = JsonDocument.Parse(ticket.Payload);
            var root = json.RootElement;
            var (gross, tare, net) = (root.GetProperty("grossKg").GetDecimal(), root.GetProperty("tareKg").GetDecimal(), root.GetProperty("netKg").GetDecimal());
            Assert.Equal(gross - tare, net);
            Assert.InRange(net, 0, capacity[ticket.VehiclePlate]);
            Assert.True(root.GetProperty("timeIn").GetDateTimeOffset() <= root.GetProperty("timeOut").GetDateTimeOffset());
        }
    }

    [Fact]
    public void A_clean_day_has_no_fault_and_every_event_id_once()
    {
        var day = Day(faults: false);

        Assert.All(day.Messages, m => Assert.Null(m.Fault));
        Assert.Equal(day.Messages.Count, day.Messages.Select(m => m.EventId).Distinct().Count());
        Assert.All(day.Messages, m => JsonDocument.Parse(m.Payload).Dispose());
    }

    [Fact]
    public void With_faults_each_kind_is_injected_three_times_and_the_rest_of_the_day_is_unchanged_in_count()
    {
        var clean = Day(faults: false);
        var faulty = Day(faults: true);

        var counts = faulty.Messages.Where(m => m.Fault is not null).GroupBy(m => m.Fault!.Value).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enum.GetValues<SimulationFault>().ToDictionary(f => f, _ => 3), counts);
        // Late fixes are regular fixes published late; the other six kinds are 3 added messages each: 6 × 3 = 18.
        Assert.Equal(clean.Messages.Count + 18, faulty.Messages.Count);
    }

    [Fact]
    public void A_slice_keeps_only_its_messages_and_chooses_the_faults_inside_it()
    {
        var options = new SimulationOptions { Date = DemoCityPlanFixture.Date, InjectFaults = true, From = new TimeOnly(7, 0), To = new TimeOnly(8, 0) };

        var day = DaySimulator.Generate(City(), options);

        // 07:00 to 08:00 Asia/Shanghai is 23:00 to 00:00 UTC of the day before; the late fixes go out 8 minutes
        // later and the repeats seconds later, so nothing leaves before 07:00 or after 08:10.
        var start = new DateTimeOffset(2015, 12, 1, 7, 0, 0, TimeSpan.FromHours(8));
        Assert.NotEmpty(day.Messages);
        Assert.All(day.Messages, m => Assert.InRange(m.PublishAt, start, start.AddMinutes(70)));
        Assert.Equal(Enum.GetValues<SimulationFault>().ToDictionary(f => f, _ => 3), day.Messages.Where(m => m.Fault is not null).GroupBy(m => m.Fault!.Value).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public async Task The_manifest_lists_every_published_fault_with_what_must_follow_and_reads_back()
    {
        var day = Day(faults: true);
        var published = day.Messages.Count - 1;
        var lastIsFault = day.Messages[^1].Fault is not null;

        var faults = SimulationManifest.Build(day, published);
        using var buffer = new MemoryStream();
        await SimulationManifest.WriteAsync(buffer, day.Date, faults, TestContext.Current.CancellationToken);
        buffer.Position = 0;
        var back = await SimulationManifest.ReadAsync(buffer, TestContext.Current.CancellationToken);

        // 7 kinds × 3, less the last message when it is a fault and was not published.
        Assert.Equal((7 * 3) - (lastIsFault ? 1 : 0), faults.Count);
        Assert.Equal(faults.Select(f => (f.Kind, f.Expected, f.ExpectedReasonCode)), back.Select(f => (f.Kind, f.Expected, f.ExpectedReasonCode)));
        Assert.All(faults.Where(f => f.Kind == "Mixing"), f => Assert.Equal(("violation", "MixedDedicatedVehicle", 1), (f.Expected, f.ExpectedViolationKind, f.EventIds.Count)));
        Assert.All(faults.Where(f => f.Kind == "Conflict"), f => Assert.Equal(("rejection", "conflict"), (f.Expected, f.ExpectedReasonCode)));
        Assert.All(faults.Where(f => f.Kind == "Malformed"), f => Assert.Equal(("rejection", "malformed"), (f.Expected, f.ExpectedReasonCode)));
        Assert.All(faults.Where(f => f.Kind == "ForeignPlate"), f => Assert.Equal(("rejection", "topic-mismatch"), (f.Expected, f.ExpectedReasonCode)));
        Assert.All(faults.Where(f => f.Kind == "BadLogin"), f => Assert.Equal(("rejection", "unknown-device", null), (f.Expected, f.ExpectedReasonCode, f.Topic)));
        Assert.All(faults.Where(f => f.Kind == "Duplicate"), f => Assert.Equal("stored-once", f.Expected));
    }

    [Fact]
    public void Each_injected_fault_is_what_it_says()
    {
        var day = Day(faults: true);
        var byId = day.Messages.Where(m => m.Fault is null or SimulationFault.LateFix).GroupBy(m => m.EventId).ToDictionary(g => g.Key!, g => g.First());
        var vehicles = fixture.Registry.Vehicles.ToDictionary(v => v.Plate);

        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.Duplicate), m => Assert.Equal(byId[m.EventId!].Payload, m.Payload));
        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.Conflict), m => Assert.NotEqual(byId[m.EventId!].Payload, m.Payload));
        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.Malformed), m => Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(m.Payload)));
        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.BadLogin), m =>
            Assert.Equal((SimulatedMessageKind.Login, true, true), (m.Kind, m.LoginUsername?.StartsWith("sim-", StringComparison.Ordinal), m.LoginPassword?.Length > 0)));
        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.ForeignPlate), m =>
            Assert.NotEqual($"citysort/v1/vehicles/{m.VehiclePlate}/gps", m.Topic));
        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.Mixing), m =>
            Assert.NotEqual(vehicles[m.VehiclePlate].DedicatedCategory, m.Category));
        Assert.All(day.Messages.Where(m => m.Fault == SimulationFault.LateFix), m =>
        {
            using var json = JsonDocument.Parse(m.Payload);
            Assert.Equal(TimeSpan.FromMinutes(8), m.PublishAt - json.RootElement.GetProperty("deviceTime").GetDateTimeOffset());
        });
    }

    [Fact]
    public void A_vehicle_reports_a_fix_every_gps_interval_along_its_track()
    {
        var fixes = Day(faults: false).Messages.Where(m => m.Kind == SimulatedMessageKind.GpsFix).ToList();

        foreach (var vehicle in fixes.GroupBy(m => m.VehiclePlate))
        {
            var times = vehicle.Select(m => m.PublishAt).ToList();
            // One fix per GPS interval (30 s) and one at the end of the track: ascending, never more than 30 s apart.
            Assert.All(times.Zip(times.Skip(1)), p => Assert.InRange((p.Second - p.First).TotalSeconds, 1, 30));
        }
    }

    [Fact]
    public void A_late_fix_is_published_after_a_later_fix_of_the_same_vehicle()
    {
        var day = Day(faults: true);

        foreach (var late in day.Messages.Where(m => m.Fault == SimulationFault.LateFix))
        {
            using var json = JsonDocument.Parse(late.Payload);
            var deviceTime = json.RootElement.GetProperty("deviceTime").GetDateTimeOffset();
            Assert.Contains(day.Messages, m => m.Kind == SimulatedMessageKind.GpsFix && m.Fault is null && m.VehiclePlate == late.VehiclePlate
                && m.PublishAt > deviceTime && m.PublishAt < late.PublishAt);
        }
    }

    [Fact]
    public void The_other_waste_fleet_makes_the_residual_tonnage_of_the_order_of_the_W96_T5_baseline()
    {
        var day = Day(faults: false);
        var expectedTonnes = fixture.Registry.Sites.Sum(s => DemoResidualFleet.DailyResidualKg(s, DemoCitySpec.Default)) / 1000;

        // Every site's residual waste (± 10 % noise per site) reaches a plant through the transfer stations, so the
        // tickets at the plants add up to Σ daily residual kg within 2 %; W96-T5's baseline is 1,148,900 t in 2014,
        // 1,148,900 / 365 ≈ 3,148 t a day, and the demo city is within a quarter of it.
        Assert.InRange((double)day.ResidualTonnes, expectedTonnes * 0.98, expectedTonnes * 1.02);
        Assert.InRange((double)day.ResidualTonnes, 3_148 * 0.75, 3_148 * 1.25);
    }

    [Fact]
    public void The_same_seed_gives_the_same_day_and_another_seed_another()
    {
        var first = Day(faults: true, seed: 7);
        var again = Day(faults: true, seed: 7);
        var other = Day(faults: true, seed: 8);

        Assert.Equal(first.Messages, again.Messages);
        Assert.NotEqual(first.Messages.Select(m => m.Payload), other.Messages.Select(m => m.Payload));
    }
}
