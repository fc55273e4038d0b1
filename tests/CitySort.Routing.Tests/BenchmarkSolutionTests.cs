using CitySort.Routing.Formats;
using CitySort.Testing;

namespace CitySort.Routing.Tests;

/// <summary>Every best-known solution in ../shared/data/vrp verifies at its stated cost through the checker.</summary>
public sealed class BenchmarkSolutionTests
{
    public static TheoryData<string> CvrpInstances() => new(InstanceNames("cvrp", "X-*.vrp"));

    public static TheoryData<string> SolomonInstances() => new(InstanceNames("vrptw", "*.txt"));

    [Theory]
    [MemberData(nameof(CvrpInstances))]
    public void Every_CVRP_best_known_solution_is_feasible_at_its_stated_cost(string instance)
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "cvrp");
        var problem = CvrplibReader.Read(Path.Combine(folder, instance + ".vrp")).GetValueOrThrow();
        var file = SolutionFileReader.Read(Path.Combine(folder, instance + ".sol"), problem).GetValueOrThrow();

        var result = SolutionChecker.Check(problem, file.Solution);

        Assert.Null(result.FirstViolation);
        Assert.True(result.IsFeasible);
        Assert.Equal(file.StatedCost, result.Cost);
    }

    [Theory]
    [MemberData(nameof(SolomonInstances))]
    public void Every_Solomon_best_known_solution_is_feasible_at_its_stated_DIMACS_cost(string instance)
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "vrptw");
        var problem = SolomonReader.Read(Path.Combine(folder, instance + ".txt")).GetValueOrThrow();
        var file = SolutionFileReader.Read(Path.Combine(folder, instance + ".sol"), problem).GetValueOrThrow();

        var result = SolutionChecker.Check(problem, file.Solution);

        Assert.Null(result.FirstViolation);
        Assert.True(result.IsFeasible);
        Assert.Equal(file.StatedCost, result.Cost);
    }

    [Fact]
    public void The_shared_data_holds_24_CVRP_and_56_Solomon_instances_with_solutions()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp");

        var cvrp = Directory.GetFiles(Path.Combine(folder, "cvrp"), "*.sol").Length;
        var solomon = Directory.GetFiles(Path.Combine(folder, "vrptw"), "*.sol").Length;

        Assert.Equal(24, cvrp);
        Assert.Equal(56, solomon);
    }

    [Fact]
    public void R101_reads_with_DIMACS_scaling_and_prints_its_cost_in_file_units()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "vrptw");
        var problem = SolomonReader.Read(Path.Combine(folder, "R101.txt")).GetValueOrThrow();
        var file = SolutionFileReader.Read(Path.Combine(folder, "R101.sol"), problem).GetValueOrThrow();

        // R101: 100 clients, 25 vehicles of capacity 200, depot due date 230 -> 2300 tenths; BKS 1637.7 -> 16377.
        Assert.Equal(100, problem.Clients.Count);
        Assert.Equal(25, problem.VehicleTypes[0].Count);
        Assert.Equal(new Load(200), problem.VehicleTypes[0].Capacity);
        Assert.Equal(new Duration(2300), problem.Depots[0].TimeWindow.Latest);
        Assert.Equal(new Distance(16377), file.StatedCost);
        Assert.Equal("1637.7", problem.FormatCost(file.Solution.Cost));
        Assert.Equal(20, file.Solution.RouteCount);
    }

    /// <summary>Instance names when the data is present; a placeholder row (which then skips) when it is not.</summary>
    private static IEnumerable<string> InstanceNames(string set, string pattern)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && dir.GetFiles("CitySort.slnx").Length == 0)
        {
            dir = dir.Parent;
        }

        var folder = dir?.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared", "data", "vrp", set);
        if (folder is null || !Directory.Exists(folder))
        {
            return ["(shared data absent)"];
        }

        return Directory.GetFiles(folder, pattern).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;
    }
}
