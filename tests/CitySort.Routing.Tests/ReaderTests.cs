using CitySort.Routing.Formats;

namespace CitySort.Routing.Tests;

public sealed class ReaderTests
{
    private const string SmallVrp =
        "NAME : tiny\nCOMMENT : four nodes\nTYPE : CVRP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n" +
        "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n4 0 5\nDEMAND_SECTION\n1 0\n2 4\n3 5\n4 6\nDEPOT_SECTION\n1\n-1\nEOF\n";

    [Fact]
    public void A_CVRPLIB_file_with_CRLF_tabs_a_BOM_trailing_blanks_and_sections_in_any_order_reads()
    {
        var text = "\uFEFFNAME :\ttiny\t\r\nCOMMENT : \"x\"\r\nTYPE : CVRP\r\nDIMENSION : 4 \r\nCAPACITY : 10\r\nEDGE_WEIGHT_TYPE :\tEUC_2D\r\n" +
                   "DEMAND_SECTION\t\r\n1\t0\r\n2\t4\r\n3\t5\r\n4\t6\r\nDEPOT_SECTION\r\n\t1\t\r\n\t-1\t\r\n" +
                   "NODE_COORD_SECTION\r\n1 0 0\r\n2 3 4\r\n3 6 8 \r\n4 0 5\r\nEOF\t\t\r\n\r\n  \r\n";

        var problem = CvrplibReader.Parse(new StringReader(text), "tiny.vrp").GetValueOrThrow();

        // Node 2 at (3, 4) is client "1", 5 from the depot; node 3 at (6, 8) is client "2", 10 away.
        Assert.Equal("tiny", problem.Name);
        Assert.Equal(3, problem.Clients.Count);
        Assert.Equal("1", problem.Clients[0].Name);
        Assert.Equal(new Distance(5), problem.Distance(0, problem.ClientNode(0)));
        Assert.Equal(new Distance(10), problem.Distance(0, problem.ClientNode(1)));
        Assert.Equal(new Load(10), problem.VehicleTypes[0].Capacity);
        Assert.Equal(int.MaxValue, problem.VehicleTypes[0].Count);
    }

    [Fact]
    public void A_coordinate_line_with_a_missing_number_is_reported_with_its_line()
    {
        var text = SmallVrp.Replace("3 6 8\n", "3 6\n", StringComparison.Ordinal);

        var result = CvrplibReader.Parse(new StringReader(text), "tiny.vrp");

        Assert.False(result.Succeeded);
        Assert.Equal("tiny.vrp:10: expected 3 numbers (node, x, y) but found 2", result.Errors[0].ToString());
    }

    [Fact]
    public void A_demand_that_is_not_a_number_is_reported_with_its_line()
    {
        var text = SmallVrp.Replace("3 5\n", "3 five\n", StringComparison.Ordinal);

        var result = CvrplibReader.Parse(new StringReader(text), "tiny.vrp");

        Assert.Equal("tiny.vrp:15: demand \"five\" is not a whole number of 0 or more", result.Errors[0].ToString());
    }

    [Fact]
    public void A_node_without_a_demand_is_reported()
    {
        var text = SmallVrp.Replace("4 6\n", string.Empty, StringComparison.Ordinal);

        var result = CvrplibReader.Parse(new StringReader(text), "tiny.vrp");

        Assert.Equal("tiny.vrp: node 4 has no line in DEMAND_SECTION", result.Errors.Single().ToString());
    }

    [Fact]
    public void An_unsupported_edge_weight_type_is_reported_with_its_line()
    {
        var text = SmallVrp.Replace("EUC_2D", "GEO", StringComparison.Ordinal);

        var result = CvrplibReader.Parse(new StringReader(text), "tiny.vrp");

        Assert.Equal("tiny.vrp:5: EDGE_WEIGHT_TYPE GEO is not supported (EUC_2D or EXPLICIT)", result.Errors[0].ToString());
    }

    [Fact]
    public void A_client_demand_above_the_capacity_is_reported()
    {
        var text = SmallVrp.Replace("4 6\n", "4 16\n", StringComparison.Ordinal);

        var result = CvrplibReader.Parse(new StringReader(text), "tiny.vrp");

        Assert.Equal("tiny.vrp: client 2 (\"3\"): demand 16 exceeds the largest vehicle capacity 10", result.Errors.Single().ToString());
    }

    [Fact]
    public void Explicit_lower_row_weights_are_read_into_a_symmetric_matrix()
    {
        var text = "NAME : m\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : LOWER_ROW\nCAPACITY : 5\n" +
                   "EDGE_WEIGHT_SECTION\n7\n8 9\nDEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\nEOF\n";

        var problem = CvrplibReader.Parse(new StringReader(text), "m.vrp").GetValueOrThrow();

        // LOWER_ROW lists d(2,1) = 7, then d(3,1) = 8, d(3,2) = 9.
        Assert.Equal(new Distance(7), problem.Distance(0, 1));
        Assert.Equal(new Distance(8), problem.Distance(2, 0));
        Assert.Equal(new Distance(9), problem.Distance(1, 2));
    }

    [Fact]
    public void A_Solomon_row_with_six_numbers_is_reported_with_its_line()
    {
        var text = "T1\n\nVEHICLE\nNUMBER     CAPACITY\n  2         50\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n" +
                   "    0      40         50          0          0       1236          0\n" +
                   "    1      45         68         10        912        967\n";

        var result = SolomonReader.Parse(new StringReader(text), "t1.txt");

        Assert.Equal("t1.txt:11: expected 7 numbers (CUST NO., X, Y, DEMAND, READY TIME, DUE DATE, SERVICE TIME) but found 6", result.Errors.Single().ToString());
    }

    [Fact]
    public void A_Solomon_file_reads_in_tenths_with_windows_and_service()
    {
        var text = "T1\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  2         50\r\n\r\nCUSTOMER\r\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n" +
                   "    0      0         0          0          0       1236          0   \r\n" +
                   "    1      1         1         10        912        967         90   \r\n\r\n";

        var problem = SolomonReader.Parse(new StringReader(text), "t1.txt").GetValueOrThrow();

        // sqrt(2) = 1.414 truncated to 1.4 -> 14 tenths; windows and service times times 10.
        Assert.Equal(10, problem.CostScale);
        Assert.Equal(new Distance(14), problem.Distance(0, 1));
        Assert.Equal(new TimeWindow(new Duration(9120), new Duration(9670)), problem.Clients[0].TimeWindow);
        Assert.Equal(new Duration(900), problem.Clients[0].ServiceDuration);
        Assert.Equal(2, problem.VehicleTypes[0].Count);
        Assert.True(problem.HasTimeWindows);
    }

    [Fact]
    public void A_Solomon_window_that_closes_before_it_opens_is_reported()
    {
        var text = "T1\nVEHICLE\nNUMBER CAPACITY\n2 50\nCUSTOMER\nCUST NO. X Y DEMAND READY DUE SERVICE\n0 0 0 0 0 100 0\n1 1 1 5 80 20 10\n";

        var result = SolomonReader.Parse(new StringReader(text), "t1.txt");

        Assert.Equal("t1.txt:8: READY TIME 80 is after DUE DATE 20", result.Errors.Single().ToString());
    }

    [Fact]
    public void A_Solomon_time_too_large_to_count_in_tenths_is_reported_not_thrown()
    {
        // Found by the fuzzer (tests/fuzz/regressions/solomon): a decimal beyond Int64 once threw OverflowException.
        var text = "T1\nVEHICLE\nNUMBER CAPACITY\n2 50\nCUSTOMER\nCUST NO. X Y DEMAND READY DUE SERVICE\n0 0 0 0 0 100 0\n1 1 1 5 0 99999999999999999999999 10\n";

        var result = SolomonReader.Parse(new StringReader(text), "t1.txt");

        // The limit is 10^15 tenths = 10^14 in the file's units.
        Assert.Contains(result.Errors, e => e.Line == 8 && e.Reason.EndsWith("\"99999999999999999999999\" is too large (at most 100000000000000)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CVRPLIB_dimension_beyond_the_readers_limit_is_refused_before_anything_is_allocated()
    {
        // Found by the fuzzer (tests/fuzz/regressions/cvrplib): DIMENSION 2147483647 once listed a missing line per node, without end.
        var text = SmallVrp.Replace("DIMENSION : 4", "DIMENSION : 2147483647", StringComparison.Ordinal);

        var result = CvrplibReader.Parse(new StringReader(text), "tiny.vrp");

        Assert.Equal("tiny.vrp:4: DIMENSION 2147483647 is more nodes than this reader takes (at most 10010)", result.Errors[0].ToString());
    }

    [Fact]
    public void A_CVRPLIB_coordinate_beyond_the_exact_integer_range_still_reads_at_once()
    {
        // Found by the fuzzer (tests/fuzz/regressions/cvrplib): x = 2^31 made dx² + dy² overflow in the exact integer
        // path, and the square root's correction loop then ran for minutes.
        var text = SmallVrp.Replace("3 6 8\n", "3 2147483648 8\n", StringComparison.Ordinal);

        var problem = CvrplibReader.Parse(new StringReader(text), "tiny.vrp").GetValueOrThrow();

        // sqrt(2^62 + 8^2) = 2147483648.0000000149, rounded to the nearest whole number: 2147483648.
        Assert.Equal(new Distance(2_147_483_648), problem.Distance(0, problem.ClientNode(1)));
    }

    [Fact]
    public void A_solution_cost_beyond_the_integer_range_is_reported_not_thrown()
    {
        // Found by the fuzzer (tests/fuzz/regressions/solution): the cost once overflowed the conversion to Int64.
        var problem = CvrplibReader.Parse(new StringReader(SmallVrp), "tiny.vrp").GetValueOrThrow();

        var result = SolutionFileReader.Parse(new StringReader("Route #1: 1 2 3\nCost 14812529879999749611811\n"), "tiny.sol", problem);

        // CostScale 1: the limit is 10^18 / 1.
        Assert.Equal("tiny.sol:2: cost 14812529879999749611811 is too large (at most 1000000000000000000)", result.Errors.Single().ToString());
    }

    [Fact]
    public void A_Solomon_file_without_a_name_line_still_reads()
    {
        var text = "VEHICLE\nNUMBER CAPACITY\n2 50\nCUSTOMER\nCUST NO. X Y DEMAND READY DUE SERVICE\n0 0 0 0 0 100 0\n1 1 1 5 0 20 10\n";

        var problem = SolomonReader.Parse(new StringReader(text), "t1.txt").GetValueOrThrow();

        Assert.Equal(string.Empty, problem.Name);
        Assert.Single(problem.Clients);
    }

    [Fact]
    public void A_solution_line_naming_an_unknown_client_is_reported_with_its_line()
    {
        var problem = CvrplibReader.Parse(new StringReader(SmallVrp), "tiny.vrp").GetValueOrThrow();

        var result = SolutionFileReader.Parse(new StringReader("Route #1: 1 2\nRoute #2: 3 99\nCost 30\n"), "tiny.sol", problem);

        Assert.Equal("tiny.sol:2: client \"99\" does not exist in the problem", result.Errors.Single().ToString());
    }

    [Fact]
    public void A_cost_with_more_decimals_than_the_scale_is_reported()
    {
        var problem = CvrplibReader.Parse(new StringReader(SmallVrp), "tiny.vrp").GetValueOrThrow();

        var result = SolutionFileReader.Parse(new StringReader("Route #1: 1 2 3\nCost 30.5\n"), "tiny.sol", problem);

        Assert.Equal("tiny.sol:2: cost 30.5 has more decimals than the scale 1 allows", result.Errors.Single().ToString());
    }

    [Fact]
    public void A_written_multi_trip_solution_reads_back_equal()
    {
        var problem = LineProblems.Build(capacity: 8, unloads: true);
        var solution = Solution.FromRoutes(problem, [new Route(0, [new Trip([0, 1], 0), new Trip([2], 0)])]);

        var text = SolutionFileWriter.ToText(problem, solution);
        var read = SolutionFileReader.Parse(new StringReader(text), "line.sol", problem).GetValueOrThrow();

        Assert.Equal("Route #1: 1 2 @0 3 @0\nCost 100\n", text);
        Assert.Equal(solution, read.Solution);
        Assert.Equal(solution.Cost, read.StatedCost);
    }
}
