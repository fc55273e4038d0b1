namespace CitySort.Routing;

/// <summary>
/// A vehicle-routing solver: problem in, best solution found out (the STYLE.md shape
/// problem → <c>Solve(stop, seed, options)</c> → result). CPU-bound and synchronous; deterministic for a seed
/// unless it stops on wall-clock time. Implementations: <c>CitySort.Routing.Hgs.HgsSolver</c> (hybrid genetic search,
/// Vidal 2022) and <c>CitySort.Routing.OrTools.OrToolsSolver</c> (the Google OR-Tools baseline).
/// </summary>
public interface ISolver
{
    /// <summary>A short lower-case name used on the command line and in tables, e.g. "hgs", "ortools".</summary>
    string Name { get; }

    /// <summary>Solves <paramref name="problem"/> until <paramref name="stop"/> holds or cancellation is requested.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="stop">When to stop; the solver returns its best solution at that point.</param>
    /// <param name="seed">The random seed; the same seed and an iteration-based stop give the same routes.</param>
    /// <param name="options">Solver-specific settings (a subclass of <see cref="SolverOptions"/>), or null for defaults.</param>
    /// <param name="progress">Receives progress reports (from the solving thread), or null.</param>
    /// <param name="cancellationToken">Stops the search early; the best solution so far is returned, not an exception.</param>
    /// <returns>The best solution found; <see cref="SolutionChecker.Check"/> tells whether it is feasible.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is of a type this solver does not understand.</exception>
    /// <exception cref="NotSupportedException">The problem uses a feature this solver cannot model.</exception>
    Solution Solve(
        Problem problem,
        StopCriterion stop,
        int seed,
        SolverOptions? options,
        IProgress<SolverProgress>? progress,
        CancellationToken cancellationToken);
}
