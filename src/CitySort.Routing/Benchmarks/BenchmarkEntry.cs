namespace CitySort.Routing.Benchmarks;

/// <summary>One solver's result on one instance.</summary>
/// <param name="Solver">The solver name.</param>
/// <param name="Cost">The cost recomputed by the checker, in stored units.</param>
/// <param name="Routes">The number of routes.</param>
/// <param name="Elapsed">The wall-clock time of the solve.</param>
/// <param name="Feasible">The checker's verdict.</param>
/// <param name="Violation">The checker's first violation, or the error raised by the solver; null when feasible.</param>
public sealed record BenchmarkEntry(string Solver, Distance Cost, int Routes, TimeSpan Elapsed, bool Feasible, string? Violation);
