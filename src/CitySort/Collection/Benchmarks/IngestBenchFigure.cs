namespace CitySort.Collection.Benchmarks;

/// <summary>
/// One row of the <c>bench ingest</c> table: a measured path and its baseline from the same run, each as the
/// repeats' events per second, with the ratio of the medians against its target.
/// </summary>
/// <param name="Name">What is measured, e.g. "HTTP batch 500 → SQLite".</param>
/// <param name="Baseline">What it is compared with, e.g. "raw prepared INSERT, 500 per transaction".</param>
/// <param name="MeasuredEventsPerSecond">Events per second of each repeat of the measured path.</param>
/// <param name="BaselineEventsPerSecond">Events per second of each repeat of the baseline.</param>
/// <param name="TargetRatio">The smallest ratio that meets the target (issue 9: 0.8).</param>
public sealed record IngestBenchFigure(
    string Name,
    string Baseline,
    IReadOnlyList<double> MeasuredEventsPerSecond,
    IReadOnlyList<double> BaselineEventsPerSecond,
    double TargetRatio)
{
    /// <summary>Median events per second of the measured path.</summary>
    public double MeasuredMedian => IngestBenchStatistics.Median(MeasuredEventsPerSecond);

    /// <summary>Median events per second of the baseline.</summary>
    public double BaselineMedian => IngestBenchStatistics.Median(BaselineEventsPerSecond);

    /// <summary>Median measured ÷ median baseline.</summary>
    public double Ratio => IngestBenchStatistics.Ratio(MeasuredMedian, BaselineMedian);

    /// <summary>True when <see cref="Ratio"/> reaches <see cref="TargetRatio"/>.</summary>
    public bool Met => Ratio >= TargetRatio;
}
