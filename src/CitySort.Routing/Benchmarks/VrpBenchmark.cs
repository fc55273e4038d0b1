using System.Diagnostics;
using CitySort.Routing.Formats;

namespace CitySort.Routing.Benchmarks;

/// <summary>
/// Solves every instance of a folder (.vrp or .txt, each with an optional .sol beside it, or a
/// <see cref="PublishedResults.FileName"/> for the whole folder when distances are in miles) with each solver at the same
/// time limit and seed, one solve at a time, and re-checks every solution with <see cref="SolutionChecker"/>; an
/// infeasible result or a solver error counts as no result. Solvers get default options (one thread).
/// </summary>
public static class VrpBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="directory">The folder of instances.</param>
    /// <param name="settings">Time limit, seed and solvers.</param>
    /// <param name="progress">Receives a step before and after each solve, or null.</param>
    /// <param name="cancellationToken">Stops after the current solve (which is itself cancelled).</param>
    /// <returns>The rows and any instance that could not be read.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static BenchmarkRun Run(string directory, BenchmarkSettings settings, IProgress<BenchmarkStep>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        var instances = new List<(string Name, string Path, Problem Problem, Distance? Bks)>();
        var publishedPath = Path.Combine(directory, PublishedResults.FileName);
        var published = File.Exists(publishedPath) ? PublishedResults.ReadBest(publishedPath) : new Dictionary<string, (decimal Miles, int Vehicles)>();
        foreach (var path in Directory.GetFiles(directory).Where(InstanceFile.IsInstance))
        {
            var read = InstanceFile.Read(path);
            if (read.Value is not { } problem)
            {
                errors.AddRange(read.Errors.Select(e => e.ToString()));
                continue;
            }

            var bks = InstanceFile.BestKnownCost(path, problem, out var reason);
            if (reason is not null)
            {
                errors.Add(reason);
            }

            instances.Add((Path.GetFileNameWithoutExtension(path), path, problem, bks));
        }

        instances.Sort((a, b) => a.Problem.Clients.Count != b.Problem.Clients.Count
            ? a.Problem.Clients.Count.CompareTo(b.Problem.Clients.Count)
            : string.CompareOrdinal(a.Name, b.Name));

        var total = instances.Count * settings.Solvers.Count;
        var done = 0;
        var rows = new List<BenchmarkRow>();
        foreach (var (name, _, problem, bks) in instances)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var entries = new List<BenchmarkEntry>();
            foreach (var solver in settings.Solvers)
            {
                progress?.Report(new BenchmarkStep(name, solver.Name, done, total, null));
                var entry = SolveOne(problem, solver, settings, cancellationToken);
                entries.Add(entry);
                done++;
                progress?.Report(new BenchmarkStep(name, solver.Name, done, total, entry));
            }

            var bestKnown = bks;
            var isPublished = false;
            int? publishedVehicles = null;
            if (bestKnown is null && problem.CostScale == WasteCollectionReader.DistanceUnitsPerMile && published.TryGetValue(name, out var best))
            {
                bestKnown = new Distance((long)decimal.Round(best.Miles * problem.CostScale));
                isPublished = true;
                publishedVehicles = best.Vehicles;
            }

            rows.Add(new BenchmarkRow(name, problem.Clients.Count, problem.CostScale, bestKnown, entries)
            {
                BestKnownIsPublished = isPublished,
                BestKnownVehicles = publishedVehicles,
            });
        }

        return new BenchmarkRun(new DirectoryInfo(directory).Name, settings, rows, errors);
    }

    private static BenchmarkEntry SolveOne(Problem problem, ISolver solver, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var solution = solver.Solve(problem, StopCriterion.After(settings.TimeLimit), settings.Seed, null, null, cancellationToken);
            clock.Stop();
            var check = SolutionChecker.Check(problem, solution);
            return new BenchmarkEntry(solver.Name, check.Cost, solution.RouteCount, clock.Elapsed, check.IsFeasible, check.FirstViolation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new BenchmarkEntry(solver.Name, Distance.Zero, 0, clock.Elapsed, false, "solver failed: " + error.Message);
        }
    }
}
