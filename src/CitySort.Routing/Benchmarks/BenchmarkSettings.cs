namespace CitySort.Routing.Benchmarks;

/// <summary>How a benchmark run is done.</summary>
/// <param name="TimeLimit">The wall-clock limit per instance and solver (the same for every solver).</param>
/// <param name="Seed">The seed passed to every solver.</param>
/// <param name="Solvers">The solvers by name, in column order; the one named <paramref name="Baseline"/> is the reference.</param>
/// <param name="Baseline">The name of the baseline solver (normally "ortools"), or null for none.</param>
public sealed record BenchmarkSettings(TimeSpan TimeLimit, int Seed, IReadOnlyList<ISolver> Solvers, string? Baseline);
