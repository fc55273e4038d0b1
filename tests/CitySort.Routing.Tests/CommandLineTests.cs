using System.Diagnostics;
using CitySort.Testing;

namespace CitySort.Routing.Tests;

/// <summary>Runs the real <c>citysort solve</c> and <c>citysort bench vrp</c> commands as a user would.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "citysort-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Fact]
    public async Task Bench_vrp_on_two_small_instances_writes_a_checked_table_and_a_CSV_into_the_output_folder()
    {
        var source = Path.Combine(Requires.SharedData(), "vrp", "cvrp");
        var set = Directory.CreateDirectory(Path.Combine(_temp, "cvrp")).FullName;
        foreach (var name in new[] { "X-n101-k25", "X-n120-k6" })
        {
            File.Copy(Path.Combine(source, name + ".vrp"), Path.Combine(set, name + ".vrp"));
            File.Copy(Path.Combine(source, name + ".sol"), Path.Combine(set, name + ".sol"));
        }

        var output = Path.Combine(_temp, "results");

        var (exitCode, stdout, _) = await Citysort("bench", "vrp", set, "--time-limit", "1", "--solvers", "ortools", "--seed", "1", "--out", output);

        Assert.Equal(0, exitCode);
        var markdown = Assert.Single(Directory.GetFiles(output, "vrp-cvrp-*.md"));
        var csv = Assert.Single(Directory.GetFiles(output, "vrp-cvrp-*.csv"));
        var text = await File.ReadAllTextAsync(markdown, TestContext.Current.CancellationToken);
        Assert.Contains("| X-n101-k25 | 100 | 27591 |", text, StringComparison.Ordinal);
        Assert.Contains("| X-n120-k6 | 119 | 13332 |", text, StringComparison.Ordinal);
        Assert.Contains("| overall | 2 (ortools 2) |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infeasible or failed", text, StringComparison.Ordinal);
        Assert.Equal(3, (await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken)).Length);
        Assert.Contains("ortools: mean gap", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solve_prints_the_checked_cost_and_the_gap_to_the_BKS_beside_the_file()
    {
        var instance = Path.Combine(Requires.SharedData(), "vrp", "vrptw", "C101.txt");

        var (exitCode, stdout, _) = await Citysort("solve", instance, "--time-limit", "1", "--solver", "ortools");

        // C101's DIMACS BKS is 827.3.
        Assert.Equal(0, exitCode);
        Assert.Contains("SolutionChecker: feasible, cost ", stdout, StringComparison.Ordinal);
        Assert.Contains("BKS 827.3 (C101.sol), gap ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solve_with_an_unknown_solver_is_a_usage_error_naming_the_available_ones()
    {
        var (exitCode, _, stderr) = await Citysort("solve", "any.vrp", "--solver", "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("solver \"nope\" is not available in this build (available: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solve_reports_a_bad_file_with_its_line_and_exits_1()
    {
        Directory.CreateDirectory(_temp);
        var file = Path.Combine(_temp, "bad.vrp");
        await File.WriteAllTextAsync(file, "NAME : bad\nTYPE : CVRP\nDIMENSION : 2\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\n2 1\nDEMAND_SECTION\n1 0\n2 1\nDEPOT_SECTION\n1\n-1\nEOF\n", TestContext.Current.CancellationToken);

        var (exitCode, _, stderr) = await Citysort("solve", file, "--solver", "ortools", "--time-limit", "1");

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.vrp:8: expected 3 numbers (node, x, y) but found 2", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs citysort.dll from the CLI project's build output in the repository root, waiting at most two minutes.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> Citysort(params string[] arguments)
    {
        var root = Requires.RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(root, "src", "CitySort.Cli", "bin", configuration, "net10.0", "citysort.dll");
        Assert.True(File.Exists(dll), "citysort.dll not built at " + dll);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
