namespace CitySort.Routing.Hgs;

/// <summary>
/// Settings of <see cref="HgsSolver"/>. The defaults are the parameters of Vidal (2022), "Hybrid genetic search for
/// the CVRP: open-source implementation and SWAP* neighborhood", Computers &amp; Operations Research 140, 105643,
/// table 2.
/// </summary>
public sealed record HgsOptions : SolverOptions
{
    /// <summary>Gamma: each client is tested against its this many closest clients (granular search); default 20.</summary>
    public int Granularity { get; init; } = 20;

    /// <summary>Mu: the minimum size of each subpopulation (feasible and infeasible); default 25.</summary>
    public int MinimumPopulationSize { get; init; } = 25;

    /// <summary>Lambda: offspring added to a subpopulation before survivor selection; default 40.</summary>
    public int GenerationSize { get; init; } = 40;

    /// <summary>Elite individuals protected by the biased fitness; default 4.</summary>
    public int EliteCount { get; init; } = 4;

    /// <summary>Closest individuals that measure diversity; default 5.</summary>
    public int CloseCount { get; init; } = 5;

    /// <summary>The share of feasible local-search outcomes the adaptive penalties aim for, in (0, 1); default 0.2.</summary>
    public double TargetFeasible { get; init; } = 0.2;

    /// <summary>
    /// Iterations without improvement after which a time-limited run restarts its population (the best solution is
    /// kept); default 20 000. Ignored when <see cref="StopCriterion.MaxIterationsWithoutImprovement"/> is set.
    /// </summary>
    public int IterationsBeforeRestart { get; init; } = 20000;

    /// <summary>
    /// How many random individuals start the population and each restart; null (the default) = 4 × Mu up to 250
    /// clients, then 4 × Mu × 250 / n but at least Mu, so that large instances under short limits spend their time
    /// on offspring. The paper uses 4 × Mu.
    /// </summary>
    public int? InitialPopulationSize { get; init; }

    /// <summary>Whether the SWAP* neighbourhood is used (capacity-only problems; it is skipped with time windows); default true.</summary>
    public bool UseSwapStar { get; init; } = true;

    /// <summary>
    /// Whether an offspring's split (problems without time windows) may use at most as many routes as its first
    /// parent, and never fewer than ⌈total demand / capacity⌉, as in the reference implementation of Vidal (2022);
    /// false lets every split use the instance's route bound. Default true.
    /// </summary>
    public bool LimitOffspringRoutes { get; init; } = true;

    /// <summary>Smallest interval between two progress reports; default 100 ms (the final report is always sent).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
