namespace CitySort.Routing;

/// <summary>A progress report from a running solver.</summary>
/// <param name="Elapsed">Time since the solve began.</param>
/// <param name="Iteration">Iterations done so far (as the solver counts them).</param>
/// <param name="BestCost">The cost of the best solution so far (stored units), or <see cref="Distance.MaxValue"/> when none yet.</param>
/// <param name="Feasible">True when that best solution is feasible.</param>
public sealed record SolverProgress(TimeSpan Elapsed, long Iteration, Distance BestCost, bool Feasible);
