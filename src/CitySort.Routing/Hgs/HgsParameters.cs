namespace CitySort.Routing.Hgs;

/// <summary>
/// The tuning of the hybrid genetic search; defaults are those of Vidal (2022), table 2.
/// </summary>
internal sealed record HgsParameters
{
    /// <summary>Gamma: the number of closest clients each client is tested against in the local search.</summary>
    public int Granularity { get; init; } = 20;

    /// <summary>Mu: the minimum size of each subpopulation.</summary>
    public int MinimumPopulationSize { get; init; } = 25;

    /// <summary>Lambda: how many offspring a subpopulation takes before survivors are selected.</summary>
    public int GenerationSize { get; init; } = 40;

    /// <summary>The number of elite individuals protected by the biased fitness.</summary>
    public int EliteCount { get; init; } = 4;

    /// <summary>The number of closest individuals that define the diversity contribution.</summary>
    public int CloseCount { get; init; } = 5;

    /// <summary>The share of feasible local-search outcomes the adaptive penalties aim for.</summary>
    public double TargetFeasible { get; init; } = 0.2;

    /// <summary>Iterations without improvement after which the population restarts (time-limited runs).</summary>
    public int IterationsBeforeRestart { get; init; } = 20000;

    /// <summary>
    /// How many random individuals start the population (and each restart); null = automatic: 4 × Mu (the paper)
    /// up to 250 clients, then shrinking as 4 × Mu × 250 / n down to Mu, so that large instances under short limits
    /// spend their time on offspring rather than on random starts.
    /// </summary>
    public int? InitialPopulationSize { get; init; }

    /// <summary>
    /// The starting weight of one unit of time warp; null = automatic, 20 × the mean distance per unit of travel
    /// time, so that short runs on tight windows reach feasibility early (the weight then adapts).
    /// </summary>
    public double? InitialPenaltyTimeWarp { get; init; }

    /// <summary>
    /// Whether the split of an offspring (without time windows) may use at most as many routes as its first parent,
    /// but no fewer than ⌈total demand / capacity⌉ (Vidal 2022's implementation); false lets it use the instance's bound.
    /// </summary>
    public bool LimitOffspringRoutes { get; init; } = true;

    /// <summary>Whether SWAP* is used (only where coordinates are known and there are no time windows).</summary>
    public bool UseSwapStar { get; init; } = true;
}
