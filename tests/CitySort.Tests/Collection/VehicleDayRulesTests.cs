using CitySort.Collection;
using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Registry;
using static CitySort.Tests.Collection.DayEvents;

namespace CitySort.Tests.Collection;

public sealed class VehicleDayRulesTests
{
    private static IReadOnlyList<ViolationFinding> Only(ViolationKind kind, VehicleDayInput input) =>
        VehicleDayRules.Evaluate(input, new HashSet<ViolationKind> { kind });

    [Fact]
    public void A_kitchen_vehicle_picking_up_other_waste_is_mixed_collection_proved_by_that_pickup()
    {
        // W96-K5: a vehicle dedicated to kitchen waste (W96-C4) that empties an other-waste (W96-C3) bin mixes sorted waste.
        var input = Input(Vehicle(WasteCategory.Kitchen), [
            Pickup("p1", "07:00", "S1", WasteCategory.Kitchen),
            Pickup("p2", "08:12", "S2", WasteCategory.Other),
        ]);

        var finding = Assert.Single(Only(ViolationKind.MixedDedicatedVehicle, input));

        Assert.Equal("W96-K5", finding.ClauseId);
        Assert.Equal("S2", finding.SiteCode);
        Assert.Equal([new EventKey(Device, "p2")], finding.Evidence.Select(e => e.Key));
        Assert.Equal("MixedDedicatedVehicle|浙C0001||2015-12-01|obu-1/p2", finding.Key);
        Assert.Contains("08:12", finding.Description, StringComparison.Ordinal);
        Assert.Contains("厨余垃圾专用车辆", finding.DescriptionZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kitchen_vehicle_emptying_catering_bins_is_not_mixing_because_the_profile_lets_its_vehicles_take_catering()
    {
        // planning.categories[Kitchen].streams = [Catering] in the shipped profile: kitchen and catering waste travel together (W96-K4).
        var input = Input(Vehicle(WasteCategory.Kitchen), [
            Pickup("p1", "07:00", "S1", WasteCategory.Kitchen),
            Pickup("p2", "07:20", "S2", null, SpecialStream.Catering),
        ]);

        Assert.Empty(Only(ViolationKind.MixedDedicatedVehicle, input));
        Assert.Empty(Only(ViolationKind.MixedTrip, input));
    }

    [Fact]
    public void A_trip_whose_pickups_span_categories_is_mixed_and_names_its_pickups_and_closing_ticket()
    {
        // Trip 1 = pickups up to ticket t1 (09:00): other at 07:00 and recyclables at 07:30, two classes → W96-K5.
        // Trip 2 = the open trip after t1: recyclables only → not mixed.
        var input = Input(Vehicle(), [
            Pickup("p1", "07:00", "S1", WasteCategory.Other),
            Pickup("p2", "07:30", "S2", WasteCategory.Recyclable),
            Ticket("t1", "09:00", "TS", WasteCategory.Other),
            Pickup("p3", "10:00", "S3", WasteCategory.Recyclable),
            Pickup("p4", "10:30", "S4", WasteCategory.Recyclable),
        ]);

        var finding = Assert.Single(Only(ViolationKind.MixedTrip, input));

        Assert.Equal(
            [new EventKey(Device, "p1"), new EventKey(Device, "p2"), new EventKey(Weighbridge, "t1")],
            finding.Evidence.Select(e => e.Key));
        Assert.Equal("TS", finding.FacilityCode);
        Assert.Equal("MixedTrip|浙C0001||2015-12-01|obu-1/p1", finding.Key);
    }

    [Fact]
    public void Trips_each_of_one_category_split_by_a_ticket_are_not_mixed()
    {
        // Other ×2 up to t1 at 09:00, then recyclables ×2: each trip carries one class.
        var input = Input(Vehicle(), [
            Pickup("p1", "07:00", "S1", WasteCategory.Other),
            Pickup("p2", "07:30", "S2", WasteCategory.Other),
            Ticket("t1", "09:00", "WTE", WasteCategory.Other),
            Pickup("p3", "10:00", "S3", WasteCategory.Recyclable),
            Pickup("p4", "10:30", "S4", WasteCategory.Recyclable),
        ]);

        Assert.Empty(Only(ViolationKind.MixedTrip, input));
    }

    [Fact]
    public void The_same_events_arriving_in_another_order_give_the_same_keys()
    {
        CollectionEvent[] events = [
            Pickup("p1", "07:00", "S1", WasteCategory.Other),
            Pickup("p2", "07:30", "S2", WasteCategory.Recyclable),
            Ticket("t1", "09:00", "KWP", WasteCategory.Other),
        ];

        var forward = VehicleDayRules.Evaluate(Input(Vehicle(WasteCategory.Other), events)).Select(f => f.Key);
        var backward = VehicleDayRules.Evaluate(Input(Vehicle(WasteCategory.Other), events.Reverse().ToList())).Select(f => f.Key);

        Assert.Equal(forward, backward);
        Assert.Equal(3, forward.Count()); // dedicated mismatch (p2), mixed trip (p1..t1), ticket of other waste at the kitchen plant (t1)
    }

    [Fact]
    public void A_ticket_declaring_kitchen_waste_at_a_plant_that_takes_only_other_waste_is_mixed_at_the_facility()
    {
        // WTE accepts Other only (W96-F3 incineration); kitchen waste declared there → W96-K5. The ticket of other waste is fine.
        var input = Input(Vehicle(), [
            Ticket("t1", "09:00", "WTE", WasteCategory.Kitchen),
            Ticket("t2", "12:00", "WTE", WasteCategory.Other),
        ]);

        var finding = Assert.Single(Only(ViolationKind.MixedAtFacility, input));

        Assert.Equal("WTE", finding.FacilityCode);
        Assert.Equal([new EventKey(Weighbridge, "t1")], finding.Evidence.Select(e => e.Key));
        Assert.Contains("3000 kg", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsealed_dedicated_vehicle_collecting_sorted_waste_breaks_sealed_transport()
    {
        // W96-K5 sealedTransport covers C1..C4 and catering; the vehicle is dedicated (a sorted route) and unsealed.
        var input = Input(Vehicle(WasteCategory.Kitchen, isSealed: false), [
            Pickup("p1", "07:00", "S1", WasteCategory.Kitchen),
            Pickup("p2", "07:20", "S2", WasteCategory.Kitchen),
        ]);

        var finding = Assert.Single(Only(ViolationKind.UnsealedVehicle, input));

        Assert.Equal(2, finding.Evidence.Count);
        Assert.Equal(new EventKey(Device, "p1"), finding.Anchor);
    }

    [Fact]
    public void An_unsealed_vehicle_of_the_existing_other_waste_chain_with_no_plan_or_line_is_not_on_a_sorted_route()
    {
        var input = Input(Vehicle(dedicated: null, isSealed: false), [Pickup("p1", "07:00", "S1", WasteCategory.Other)]);

        Assert.Empty(Only(ViolationKind.UnsealedVehicle, input));
        Assert.Empty(Only(ViolationKind.UnsealedVehicle, Input(Vehicle(WasteCategory.Kitchen, isSealed: true), [Pickup("p1", "07:00", "S1", WasteCategory.Kitchen)])));
    }

    [Fact]
    public void A_planned_stop_without_a_pickup_by_the_vehicle_is_missed_and_keyed_by_its_site()
    {
        // Plan: A, B, C; pickups at A and C → B missed (W96-T3). The last report (p3 at 06:40) is the evidence.
        var plan = Plan(("A", new GeoPoint(120.65, 28.0)), ("B", new GeoPoint(120.66, 28.0)), ("C", new GeoPoint(120.67, 28.0)));
        var input = Input(Vehicle(WasteCategory.Kitchen), [
            Pickup("p1", "06:05", "A", WasteCategory.Kitchen),
            Pickup("p3", "06:40", "C", WasteCategory.Kitchen),
        ], plan);

        var finding = Assert.Single(Only(ViolationKind.MissedPickup, input));

        Assert.Equal("W96-T3", finding.ClauseId);
        Assert.Equal("B", finding.SiteCode);
        Assert.Null(finding.Anchor);
        Assert.Equal("MissedPickup|浙C0001|B|2015-12-01|", finding.Key);
        Assert.Equal([new EventKey(Device, "p3")], finding.Evidence.Select(e => e.Key));
    }

    [Fact]
    public void No_stop_is_missed_when_every_planned_site_was_picked_up()
    {
        var plan = Plan(("A", new GeoPoint(120.65, 28.0)), ("B", new GeoPoint(120.66, 28.0)));
        var input = Input(Vehicle(WasteCategory.Kitchen), [
            Pickup("p1", "06:05", "A", WasteCategory.Kitchen),
            Pickup("p2", "06:20", "B", WasteCategory.Kitchen),
        ], plan);

        Assert.Empty(Only(ViolationKind.MissedPickup, input));
    }

    [Fact]
    public void Fixes_more_than_500_m_off_the_path_for_more_than_10_minutes_put_the_vehicle_off_its_line()
    {
        // Path: (120.65, 28.000) → (120.66, 28.000), 981.8 m due east. Fixes at 28.006 N are 0.006 × 111,195 = 667.2 m
        // north of it (> 500 m, routeChecks.offLineDistanceMetres); 08:00 → 08:11 = 11 min > 10 min (offLineSeconds 600).
        // The fix at 28.004 N (444.8 m) is on the line and ends the run.
        var plan = Plan(("A", new GeoPoint(120.65, 28.0)), ("B", new GeoPoint(120.66, 28.0)));
        var input = Input(Vehicle(WasteCategory.Kitchen), [
            Fix("g1", "07:55", 120.652, 28.0),
            Fix("g2", "08:00", 120.653, 28.006),
            Fix("g3", "08:05", 120.655, 28.007),
            Fix("g4", "08:11", 120.657, 28.006),
            Fix("g5", "08:15", 120.658, 28.004),
        ], plan);

        var finding = Assert.Single(Only(ViolationKind.OffPlannedLine, input));

        Assert.Equal("W96-R1", finding.ClauseId);
        Assert.Equal(["g2", "g3", "g4"], finding.Evidence.Select(e => e.Key.EventId)); // first, farthest (778.4 m), last
        Assert.Contains("11 min", finding.Description, StringComparison.Ordinal);
        Assert.Contains("778 m", finding.Description, StringComparison.Ordinal); // 0.007 × 111,195 = 778.4 m
    }

    [Fact]
    public void Fixes_off_the_path_for_9_minutes_or_within_500_m_do_not_put_the_vehicle_off_its_line()
    {
        // 08:00 → 08:09 = 9 min ≤ 10 min; later fixes at 28.004 N are 444.8 m away ≤ 500 m.
        var plan = Plan(("A", new GeoPoint(120.65, 28.0)), ("B", new GeoPoint(120.66, 28.0)));
        var input = Input(Vehicle(WasteCategory.Kitchen), [
            Fix("g1", "08:00", 120.653, 28.006),
            Fix("g2", "08:09", 120.655, 28.006),
            Fix("g3", "08:12", 120.655, 28.004),
            Fix("g4", "08:40", 120.657, 28.004),
        ], plan);

        Assert.Empty(Only(ViolationKind.OffPlannedLine, input));
    }

    [Fact]
    public void A_vehicle_with_neither_plan_nor_line_is_never_off_its_line()
    {
        var input = Input(Vehicle(), [Fix("g1", "08:00", 121.0, 29.0), Fix("g2", "09:00", 121.0, 29.0)]);

        Assert.Empty(Only(ViolationKind.OffPlannedLine, input));
    }

    [Fact]
    public void Events_of_another_plate_or_day_are_ignored()
    {
        var other = Pickup("p1", "08:00", "S1", WasteCategory.Other, plate: "浙C9999");
        var yesterday = Pickup("p2", "08:00", "S1", WasteCategory.Other) with { DeviceTime = At("08:00").AddDays(-1) };

        Assert.Empty(VehicleDayRules.Evaluate(Input(Vehicle(WasteCategory.Kitchen), [other, yesterday])));
    }
}
