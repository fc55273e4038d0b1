using CitySort.Routing.Formats;
using CitySort.Routing.Benchmarks;
using CitySort.Routing.OrTools;
using CitySort.Testing;

namespace CitySort.Routing.Tests;

public sealed class BenchmarkTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "citysort-bench-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Fact]
    public void A_benchmark_of_two_small_instances_writes_checked_gaps_size_classes_and_a_CSV()
    {
        var source = Path.Combine(Requires.SharedData(), "vrp", "cvrp");
        var set = Directory.CreateDirectory(Path.Combine(_temp, "cvrp")).FullName;
        foreach (var name in new[] { "X-n101-k25", "X-n120-k6" })
        {
            File.Copy(Path.Combine(source, name + ".vrp"), Path.Combine(set, name + ".vrp"));
            File.Copy(Path.Combine(source, name + ".sol"), Path.Combine(set, name + ".sol"));
        }

        var settings = new BenchmarkSettings(TimeSpan.FromSeconds(1), 1, [new NearestFeasibleSolver(), new OrToolsSolver()], "ortools");
        var environment = new BenchmarkEnvironment("Test CPU", 2, "abc1234", new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero));
        var steps = new List<BenchmarkStep>();

        var run = VrpBenchmark.Run(set, settings, new ListProgress(steps), TestContext.Current.CancellationToken);
        var (markdown, csv) = BenchmarkReport.Write(Path.Combine(_temp, "results"), run, environment);

        Assert.Empty(run.Errors);
        Assert.Equal(["X-n101-k25", "X-n120-k6"], run.Rows.Select(r => r.Instance));
        Assert.All(run.Rows.SelectMany(r => r.Entries), e => Assert.True(e.Feasible, e.Violation));
        Assert.Equal(new Distance(27591), run.Rows[0].BestKnownCost);
        Assert.Equal(8, steps.Count);
        Assert.EndsWith("vrp-cvrp-2026-11-29.md", markdown, StringComparison.Ordinal);
        var text = File.ReadAllText(markdown);
        Assert.Contains("- Machine: Test CPU, 2 logical cores", text, StringComparison.Ordinal);
        Assert.Contains("- Commit: abc1234", text, StringComparison.Ordinal);
        Assert.Contains("| X-n101-k25 | 100 | 27591 |", text, StringComparison.Ordinal);
        Assert.Contains("| ≤300 clients | 2 (nearest 2, ortools 2) |", text, StringComparison.Ordinal);
        Assert.Contains("| overall | 2 (nearest 2, ortools 2) |", text, StringComparison.Ordinal);
        Assert.Contains("nearest − ortools (points)", text, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(csv).Length);
    }

    [Fact]
    public void Waste_collection_rows_print_miles_with_one_decimal_beside_the_published_best()
    {
        // 174.5 miles published with 3 trucks; a result of 172.04 miles with 3 routes. One mile = 528 000 stored units.
        var scale = WasteCollectionReader.DistanceUnitsPerMile;
        var row = new BenchmarkRow("102_stop", 99, scale, new Distance(1745L * scale / 10), [new BenchmarkEntry("nearest", new Distance(17_204L * scale / 100), 3, TimeSpan.FromSeconds(2), true, null)])
        {
            BestKnownIsPublished = true,
            BestKnownVehicles = 3,
        };
        var run = new BenchmarkRun("wcvrptw", new BenchmarkSettings(TimeSpan.FromSeconds(1), 1, [new NearestFeasibleSolver()], null), [row], []);

        var text = BenchmarkReport.ToMarkdown(run, new BenchmarkEnvironment("cpu", 2, "abc1234", DateTimeOffset.UnixEpoch));

        // Gap 100 × (172.04 − 174.5) / 174.5 = −1.41 %.
        Assert.Equal("| 102_stop | 99 | 174.5 (3) † | 172.0 | -1.41 | 3 | 2.0 |", text.Split('\n').Single(l => l.StartsWith("| 102_stop", StringComparison.Ordinal)));
        Assert.Contains("no routes were published", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gap_is_the_excess_over_the_BKS_in_percent()
    {
        var row = new BenchmarkRow("x", 10, 1, new Distance(200), [new BenchmarkEntry("a", new Distance(203), 2, TimeSpan.Zero, true, null)]);

        var gap = row.GapPercent(row.Entries[0]);

        // 100 × (203 − 200) / 200 = 1.5.
        Assert.Equal(1.5, gap!.Value, 10);
    }

    [Fact]
    public void Size_class_means_split_at_300_and_600_clients()
    {
        static BenchmarkRow Row(int clients, long cost) =>
            new("i" + clients, clients, 1, new Distance(100), [new BenchmarkEntry("a", new Distance(cost), 1, TimeSpan.Zero, true, null)]);
        var rows = new[] { Row(300, 102), Row(301, 104), Row(600, 106), Row(601, 110) };

        var small = BenchmarkReport.MeanGap(rows.Where(r => r.Clients <= 300), "a");
        var middle = BenchmarkReport.MeanGap(rows.Where(r => r.Clients is > 300 and <= 600), "a");
        var overall = BenchmarkReport.MeanGap(rows, "a");

        // Gaps 2, 4, 6, 10 %: small 2; middle (4 + 6) / 2 = 5; overall 22 / 4 = 5.5.
        Assert.Equal(2, small!.Value, 10);
        Assert.Equal(5, middle!.Value, 10);
        Assert.Equal(5.5, overall!.Value, 10);
    }

    private sealed class ListProgress(List<BenchmarkStep> steps) : IProgress<BenchmarkStep>
    {
        public void Report(BenchmarkStep value) => steps.Add(value);
    }
}
