namespace CitySort.Routing;

/// <summary>
/// When a solver stops: the first of the limits that are set is reached (any may be null; with none set the solver
/// runs until cancelled). Combine with <c>with</c>: <c>StopCriterion.After(TimeSpan.FromSeconds(30)) with
/// { MaxIterationsWithoutImprovement = 20_000 }</c>.
/// </summary>
public sealed record StopCriterion
{
    /// <summary>The wall-clock limit from the start of the solve, or null for none.</summary>
    public TimeSpan? MaxRuntime { get; init; }

    /// <summary>The most iterations (as the solver counts them), or null for none.</summary>
    public long? MaxIterations { get; init; }

    /// <summary>The most consecutive iterations without a better best solution, or null for none.</summary>
    public long? MaxIterationsWithoutImprovement { get; init; }

    /// <summary>Stops after a wall-clock time.</summary>
    /// <param name="runtime">The time limit; more than zero.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runtime"/> is zero or negative.</exception>
    public static StopCriterion After(TimeSpan runtime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(runtime, TimeSpan.Zero);
        return new StopCriterion { MaxRuntime = runtime };
    }

    /// <summary>Stops after a number of iterations (deterministic for a seed).</summary>
    /// <param name="iterations">The iteration limit; at least 1.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is less than 1.</exception>
    public static StopCriterion AfterIterations(long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return new StopCriterion { MaxIterations = iterations };
    }

    /// <summary>Stops after a number of consecutive iterations without improvement (deterministic for a seed).</summary>
    /// <param name="iterations">The limit; at least 1.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is less than 1.</exception>
    public static StopCriterion AfterIterationsWithoutImprovement(long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return new StopCriterion { MaxIterationsWithoutImprovement = iterations };
    }

    /// <summary>True when one of the set limits is reached.</summary>
    /// <param name="elapsed">Time since the solve began.</param>
    /// <param name="iterations">Iterations done.</param>
    /// <param name="iterationsWithoutImprovement">Consecutive iterations without a better best solution.</param>
    /// <returns>Whether to stop.</returns>
    public bool IsMet(TimeSpan elapsed, long iterations, long iterationsWithoutImprovement) =>
        (MaxRuntime is { } t && elapsed >= t)
        || (MaxIterations is { } i && iterations >= i)
        || (MaxIterationsWithoutImprovement is { } w && iterationsWithoutImprovement >= w);
}
