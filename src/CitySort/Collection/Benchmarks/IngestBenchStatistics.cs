namespace CitySort.Collection.Benchmarks;

/// <summary>
/// The arithmetic of <c>citysort bench ingest</c>: medians of repeated measurements, rates and the ratio of a
/// measured path to its baseline from the same run (STYLE.md, "speed is measured by citysort bench … as a ratio
/// to a baseline measured in the same run").
/// </summary>
public static class IngestBenchStatistics
{
    /// <summary>
    /// The median of <paramref name="values"/>: the middle value of the sorted values, or the mean of the two middle
    /// values for an even count.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or holds a value that is not a finite number.</exception>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("the median of no values is undefined", nameof(values));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("every value must be a finite number", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Events per second for <paramref name="events"/> taken in <paramref name="elapsed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The elapsed time is not positive or the count is negative.</exception>
    public static double EventsPerSecond(long events, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (elapsed <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, "the elapsed time must be positive");
        }

        return events / elapsed.TotalSeconds;
    }

    /// <summary>
    /// The measured figure over its baseline (<paramref name="measured"/> ÷ <paramref name="baseline"/>), e.g. HTTP
    /// events/s ÷ raw insert events/s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The baseline is not a positive finite number.</exception>
    public static double Ratio(double measured, double baseline)
    {
        if (!(baseline > 0) || !double.IsFinite(baseline))
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "the baseline must be a positive number");
        }

        return measured / baseline;
    }

    /// <summary>
    /// The ratio of the medians of paired repeats: median(measured) ÷ median(baseline), the figure the table reports.
    /// </summary>
    public static double MedianRatio(IReadOnlyList<double> measured, IReadOnlyList<double> baseline) =>
        Ratio(Median(measured), Median(baseline));
}
