using CitySort.Collection;
using CitySort.Collection.PlanActual;
using CitySort.Planning;
using CitySort.Registry;
using static CitySort.Tests.Collection.DayEvents;

namespace CitySort.Tests.Collection;

public sealed class PlanActualCalculatorTests
{
    /// <summary>A kitchen plan for 浙C0001: trip 1 A, B (06:00 → 07:30, 8,000 m), trip 2 C (07:30 → 09:15 back, 6,500 m).</summary>
    private static DailyPlan Plan() => new()
    {
        Date = Day, AreaCode = "330302", DistrictCode = "330302", Category = WasteCategory.Kitchen, ProfileId = "wenzhou-2015", ProfileVersion = "1",
        DepotName = "depot", DepotLongitude = 120.65, DepotLatitude = 28.0,
        Trips =
        [
            new PlannedTrip
            {
                VehiclePlate = Plate, VehicleTrip = 1, FacilityCode = "KWP", FacilityName = "KWP", DistanceMetres = 8000,
                DepartsAt = new TimeOnly(6, 0), UnloadsAt = new TimeOnly(7, 15), UnloadedAt = new TimeOnly(7, 30),
                Stops =
                [
                    new PlannedStop { Sequence = 1, SiteCode = "A", SiteName = "A", Longitude = 120.66, Latitude = 28.0 },
                    new PlannedStop { Sequence = 2, SiteCode = "B", SiteName = "B", Longitude = 120.67, Latitude = 28.0 },
                ],
            },
            new PlannedTrip
            {
                VehiclePlate = Plate, VehicleTrip = 2, FacilityCode = "KWP", FacilityName = "KWP", DistanceMetres = 6500,
                DepartsAt = new TimeOnly(7, 30), UnloadsAt = new TimeOnly(8, 45), UnloadedAt = new TimeOnly(9, 0), ReturnsToDepotAt = new TimeOnly(9, 15),
                Stops = [new PlannedStop { Sequence = 1, SiteCode = "C", SiteName = "C", Longitude = 120.68, Latitude = 28.0 }],
            },
        ],
    };

    [Fact]
    public void A_hand_worked_day_gives_visited_missed_out_of_plan_and_distance_and_time_planned_against_driven()
    {
        // Pickups at A and C (planned) and D (not planned); B is missed.
        // Fixes along 28.00 N at 120.650, 120.660, 120.670 (08:00, 08:05, 08:10) with a jump to 121.000 at 08:06:
        // 120.66 → 121.00 in 60 s is 0.34 × 98,180 m = 33.4 km, i.e. 2,003 km/h > 120 km/h (routeChecks) → ignored.
        // Driven = 2 legs × 0.01° × 111,195.08 m × cos 28° (0.882948) = 2 × 981.8 = 1,963.6 m → 1,964 m; time 08:00 → 08:10 = 600 s.
        // Planned = 8,000 + 6,500 = 14,500 m; 06:00 → 09:15 = 11,700 s.
        CollectionEvent[] events = [
            Pickup("p1", "06:05", "A", WasteCategory.Kitchen),
            Pickup("p2", "07:40", "C", WasteCategory.Kitchen),
            Pickup("p3", "07:50", "D", WasteCategory.Kitchen),
            Fix("g1", "08:00", 120.650, 28.0),
            Fix("g2", "08:05", 120.660, 28.0),
            Fix("g3", "08:06", 121.000, 28.0),
            Fix("g4", "08:10", 120.670, 28.0),
        ];

        var line = Assert.Single(PlanActualCalculator.Compare(Plan(), _ => events, 120));

        Assert.Equal(3, line.PlannedStops);
        Assert.Equal(["A", "C"], line.Visited);
        Assert.Equal(["B"], line.Missed);
        Assert.Equal(["D"], line.OutOfPlan);
        Assert.Equal((14_500, 1_964), (line.PlannedDistanceMetres, line.DrivenDistanceMetres));
        Assert.Equal((11_700, 600), (line.PlannedSeconds, line.DrivenSeconds));
        Assert.Equal((4, 1), (line.FixCount, line.IgnoredFixCount));
        Assert.Equal(At("08:00"), line.DrivenStart);
    }

    [Fact]
    public void Without_a_jump_threshold_every_fix_counts_so_the_jump_adds_its_two_legs()
    {
        // 120.66 → 121.00 → 120.67: 0.34° + 0.33° = 0.67° × 98,180 m ≈ 65.8 km more than the 1,963.6 m route alone.
        CollectionEvent[] events = [Fix("g1", "08:00", 120.650, 28.0), Fix("g2", "08:05", 120.660, 28.0), Fix("g3", "08:06", 121.000, 28.0), Fix("g4", "08:10", 120.670, 28.0)];

        var line = Assert.Single(PlanActualCalculator.Compare(Plan(), _ => events, null));

        Assert.InRange(line.DrivenDistanceMetres, 66_700, 66_800); // 981.8 + 0.67 × 98,180 = 981.8 + 65,780.6 = 66,762 m
        Assert.Equal(0, line.IgnoredFixCount);
    }

    [Fact]
    public void A_bad_first_fix_is_left_out_instead_of_the_rest_of_the_day()
    {
        // g0 at 121.0 one minute before g1 (33 km away) cannot be followed plausibly: the track starts at g1.
        var track = GpsTrack.Of([Fix("g0", "07:59", 121.0, 28.0), Fix("g1", "08:00", 120.650, 28.0), Fix("g2", "08:05", 120.660, 28.0)], 120);

        Assert.Equal((3, 1, At("08:00")), (track.FixCount, track.IgnoredFixCount, track.FirstFix!.Value));
        Assert.Equal(981.8, track.DrivenMetres, 0.1);
    }

    [Fact]
    public void A_planned_vehicle_that_reported_nothing_missed_every_stop_and_drove_nothing()
    {
        var line = Assert.Single(PlanActualCalculator.Compare(Plan(), _ => [], 120));

        Assert.Equal(["A", "B", "C"], line.Missed);
        Assert.Equal((0L, 0L), (line.DrivenDistanceMetres, line.DrivenSeconds));
        Assert.Empty(line.Visited);
    }
}
