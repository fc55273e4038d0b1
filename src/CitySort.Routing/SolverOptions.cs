namespace CitySort.Routing;

/// <summary>
/// Solver-specific settings. The base carries what every solver understands; each solver derives its own record
/// (e.g. <c>HgsOptions</c>, <c>OrToolsOptions</c>) and accepts the base as "defaults".
/// </summary>
public record SolverOptions
{
    /// <summary>
    /// The most worker threads the solver may use; default 1 (benchmarks compare solvers on one core).
    /// </summary>
    public int MaxThreads { get; init; } = 1;
}
