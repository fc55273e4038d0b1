namespace CitySort.Planning;

/// <summary>How hard the solver works on each plan (not policy: these are the operator's settings).</summary>
public sealed record PlanningOptions
{
    /// <summary>Time limit per (area, category) plan; default 3 s.</summary>
    public TimeSpan TimeLimitPerPlan { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Stop a plan's search after this many iterations without improvement; default 2 000.</summary>
    public long MaxIterationsWithoutImprovement { get; init; } = 2000;

    /// <summary>Stop a plan's search after this many iterations (makes plans reproducible regardless of machine speed); default none.</summary>
    public long? MaxIterations { get; init; }

    /// <summary>The solver's seed; the same seed, data and iteration limit give the same plans. Default 1.</summary>
    public int Seed { get; init; } = 1;
}
