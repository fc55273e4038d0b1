namespace CitySort.Routing.Benchmarks;

/// <summary>Progress of a benchmark run: reported before each solve (<see cref="Result"/> null) and after it.</summary>
/// <param name="Instance">The instance being solved.</param>
/// <param name="Solver">The solver.</param>
/// <param name="Done">Solves finished so far.</param>
/// <param name="Total">Solves in the whole run (instances × solvers).</param>
/// <param name="Result">The result once the solve has finished, else null.</param>
public sealed record BenchmarkStep(string Instance, string Solver, int Done, int Total, BenchmarkEntry? Result);
