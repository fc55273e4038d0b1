namespace CitySort.Routing.Benchmarks;

/// <summary>The outcome of <see cref="VrpBenchmark.Run"/>.</summary>
/// <param name="SetName">The instance set, the folder name (e.g. "cvrp").</param>
/// <param name="Settings">How the run was done.</param>
/// <param name="Rows">One row per instance, by number of clients then name.</param>
/// <param name="Errors">Instances that could not be read (as "file:line: reason"), or BKS files that could not be used.</param>
public sealed record BenchmarkRun(string SetName, BenchmarkSettings Settings, IReadOnlyList<BenchmarkRow> Rows, IReadOnlyList<string> Errors);
