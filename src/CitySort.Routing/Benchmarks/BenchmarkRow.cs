namespace CitySort.Routing.Benchmarks;

/// <summary>One instance of a benchmark run and every solver's result on it.</summary>
/// <param name="Instance">The instance name (file name without extension).</param>
/// <param name="Clients">The number of clients.</param>
/// <param name="CostScale">The instance's <see cref="Problem.CostScale"/>, to print costs in its units.</param>
/// <param name="BestKnownCost">The confirmed best-known cost (stored units), or null when none is beside the instance.</param>
/// <param name="Entries">One entry per solver, in the order of the settings.</param>
public sealed record BenchmarkRow(string Instance, int Clients, int CostScale, Distance? BestKnownCost, IReadOnlyList<BenchmarkEntry> Entries)
{
    /// <summary>The gap of <paramref name="entry"/> to the BKS in percent, or null without a BKS or a feasible result.</summary>
    /// <param name="entry">One of <see cref="Entries"/>.</param>
    /// <returns>100 × (cost − BKS) / BKS.</returns>
    public double? GapPercent(BenchmarkEntry entry) =>
        entry is { Feasible: true } && BestKnownCost is { Value: > 0 } bks
            ? 100.0 * (entry.Cost.Value - bks.Value) / bks.Value
            : null;

    /// <summary>
    /// True when <see cref="BestKnownCost"/> is a published figure without routes (from <see cref="PublishedResults"/>),
    /// which the checker could not confirm.
    /// </summary>
    public bool BestKnownIsPublished { get; init; }

    /// <summary>The vehicle count of the published best result, when <see cref="BestKnownIsPublished"/>.</summary>
    public int? BestKnownVehicles { get; init; }
}
