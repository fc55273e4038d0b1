using CitySort.Routing.Formats;
using CitySort.Testing;

namespace CitySort.Routing.Tests;

/// <summary>The reader of the Kim, Kim &amp; Sahoo (2006) waste-collection files, on the shared instances and on small texts.</summary>
public sealed class WasteCollectionReaderTests
{
    private const string Header =
        "280.0 \t\t// vehicle capacity (yards), real number\r\n" +
        "400.0\t\t// total yardage allowed for a vehicle per day, real number\r\n" +
        "500\t\t// total number of regular stops for a vehicle allowed per day\r\n" +
        "3600\t\t// lunch time duration in second\r\n" +
        "40\t\t// speed: MPH\r\n" +
        "Stop_ID\tX(feet)\tY(feet)\tEarly_St_Time (HHMM)\tLate_St_Time (HHMM)\tSvice_Time(Sec)\tLoad (Yards)\tStop_Type\r\n";

    [Theory]
    [InlineData("102", 99, 2)]
    [InlineData("335", 330, 4)]
    [InlineData("444", 442, 1)]
    [InlineData("804", 784, 19)]
    [InlineData("1351", 1347, 3)]
    [InlineData("1932", 1927, 4)]
    public void Every_shared_instance_reads_with_the_published_counts_of_stops_and_facilities(string instance, int stops, int facilities)
    {
        var path = Path.Combine(Requires.SharedData(), "vrp", "wcvrptw", instance + "_stop.txt");

        var problem = InstanceFile.Read(path).GetValueOrThrow();

        // Counts from the folder README's table (regular stops, facilities); one depot; one unlimited truck type.
        Assert.Equal(stops, problem.Clients.Count);
        Assert.Equal(facilities, problem.Facilities.Count);
        Assert.Single(problem.Depots);
        Assert.Equal(facilities, problem.VehicleTypes[0].UnloadingFacilities.Count);
        Assert.Equal(WasteCollectionReader.DistanceUnitsPerMile, problem.CostScale);
    }

    [Fact]
    public void The_worked_example_of_102_holds_depot_to_node_1_is_15387_feet_and_262_3_seconds()
    {
        var path = Path.Combine(Requires.SharedData(), "vrp", "wcvrptw", "102_stop.txt");

        var problem = InstanceFile.Read(path).GetValueOrThrow();

        // Node 1 is the first disposal facility. |1229125 − 1215029| + |3460107 − 3461398| = 14096 + 1291 = 15387 ft,
        // stored in hundredths; 15387 × 3600 / (5280 × 40) = 262.27 s, rounded up to the tenth: 262.3 s = 2623.
        var depot = problem.DepotNode(0);
        var facility = problem.FacilityNode(0);
        Assert.Equal("1", problem.Facilities[0].Name);
        Assert.Equal(new Distance(1_538_700), problem.Distance(depot, facility));
        Assert.Equal(new Duration(2623), problem.TravelDuration(depot, facility));
        Assert.StartsWith("2.914", problem.FormatCost(problem.Distance(depot, facility)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_of_102_become_the_vehicle_type_and_the_depot_window()
    {
        var path = Path.Combine(Requires.SharedData(), "vrp", "wcvrptw", "102_stop.txt");

        var problem = InstanceFile.Read(path).GetValueOrThrow();

        // Q = 280.0 and Q* = 400.0 yards in tenths; S* = 500; lunch 3600 s in tenths from 11:00 (39 600 s) to
        // 12:00 (43 200 s); the depot's 0400–1500 is 14 400 s to 54 000 s.
        var truck = problem.VehicleTypes[0];
        Assert.Equal(new Load(2800), truck.Capacity);
        Assert.Equal(new Load(4000), truck.MaxLoadPerDay);
        Assert.Equal(500, truck.MaxClientsPerDay);
        Assert.Equal(new VehicleBreak { Duration = new Duration(36_000), StartWindow = new TimeWindow(new Duration(396_000), new Duration(432_000)) }, truck.Break);
        Assert.Equal(new TimeWindow(new Duration(144_000), new Duration(540_000)), problem.Depots[0].TimeWindow);
    }

    [Fact]
    public void A_clock_time_with_75_minutes_carries_into_the_hour()
    {
        var path = Path.Combine(Requires.SharedData(), "vrp", "wcvrptw", "1932_stop.txt");

        var problem = InstanceFile.Read(path).GetValueOrThrow();

        // Stop 1477 opens at "875": 8 × 60 + 75 = 555 minutes = 09:15 = 33 300 s, stored in tenths.
        var stop = problem.Clients.Single(c => c.Name == "1477");
        Assert.Equal(new Duration(333_000), stop.TimeWindow!.Value.Earliest);
    }

    [Fact]
    public void A_small_text_reads_loads_in_tenths_of_a_yard_and_service_in_tenths_of_a_second()
    {
        var text = Header +
            "0\t0\t0\t0400\t1500\t0\t9999\t0\r\n" +
            "1\t5280\t0\t0000\t2400\t1600\t9999\t2\r\n" +
            "2\t0\t2640.5\t0700\t0830\t180\t12.5\t1\r\n";

        var problem = WasteCollectionReader.Parse(new StringReader(text), "tiny_stop.txt").GetValueOrThrow();

        // Client "2": 12.5 yd = 125; service 180 s = 1800; 07:00–08:30 = 25 200 s–30 600 s. Depot to facility 1
        // mile = 528 000 hundredths of a foot, 90 s at 40 mph = 900.
        var client = problem.Clients[0];
        Assert.Equal(new Load(125), client.Demand);
        Assert.Equal(new Duration(1800), client.ServiceDuration);
        Assert.Equal(new TimeWindow(new Duration(252_000), new Duration(306_000)), client.TimeWindow);
        Assert.Equal(new Distance(528_000), problem.Distance(0, problem.FacilityNode(0)));
        Assert.Equal(new Duration(900), problem.TravelDuration(0, problem.FacilityNode(0)));
        Assert.Equal(new Duration(16_000), problem.Facilities[0].ServiceDuration);
        Assert.Equal("tiny_stop", problem.Name);
    }

    [Fact]
    public void Values_too_large_for_the_integer_measures_are_reported_not_thrown()
    {
        // Found by the fuzzer (tests/fuzz/regressions/wcvrptw): the largest decimal times 100 once overflowed, and a
        // value beyond Int64 once threw in the conversion. The limit is 10^15 scaled units: 10^13 feet, 10^14 yards.
        var text = Header +
            "0\t0\t0\t0400\t1500\t0\t9999\t0\r\n" +
            "1\t79228162514264337593543950335\t0\t0000\t2400\t1600\t9999\t2\r\n" +
            "2\t0\t10\t0700\t0830\t180\t900000000000000000\t1\r\n";

        var result = WasteCollectionReader.Parse(new StringReader(text), "big_stop.txt");

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "big_stop.txt:8: X (feet) \"79228162514264337593543950335\" is too large (at most 10000000000000 in size)",
                "big_stop.txt:9: load (yards) \"900000000000000000\" is too large (at most 100000000000000 in size)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_and_nothing_is_read()
    {
        var text = Header +
            "0\t0\t0\t0400\t1500\t0\t9999\t0\r\n" +
            "1\t5280\t0\t0000\t2400\t1600\t9999\t2\r\n" +
            "2\t0\t10\t0900\t0800\t180\t12.25\t1\r\n" +
            "3\t0\t10\t0900\t2500\t180\t1\t1\r\n" +
            "4\t0\t10\t0900\r\n" +
            "5\t0\t10\t0900\t1000\t180\t1\t7\r\n";

        var result = WasteCollectionReader.Parse(new StringReader(text), "bad_stop.txt");

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "bad_stop.txt:9: load (yards) \"12.25\" has more than 1 decimal place",
                "bad_stop.txt:10: latest start \"2500\" is not a clock time HHMM between 0000 and 2400",
                "bad_stop.txt:11: expected 8 values (Stop_ID, X, Y, earliest and latest start, service seconds, load, stop type) but found 4",
                "bad_stop.txt:12: stop type \"7\" is not 0 (depot), 1 (regular stop) or 2 (disposal facility)",
            ],
            result.Errors.Select(e => e.ToString()));
    }
}
