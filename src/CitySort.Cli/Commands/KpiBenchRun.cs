namespace CitySort.Cli.Commands;

/// <summary>One database measured by <c>citysort bench kpis</c>.</summary>
/// <param name="Provider"><c>SQLite</c> or <c>PostgreSQL</c>.</param>
/// <param name="Multiple">The multiple of the city-year's pickups and tickets.</param>
/// <param name="Pickups">Pickups stored.</param>
/// <param name="Tickets">Weigh tickets stored.</param>
/// <param name="GpsFixes">GPS fixes stored.</param>
/// <param name="ApiMilliseconds">Each timed <c>GET /api/kpis</c>, request to last byte.</param>
/// <param name="RawMilliseconds">Each timed run of the raw aggregate, connection to last row.</param>
/// <param name="FiguresCompared">Figures the raw aggregate gives (each compared with the API's).</param>
/// <param name="FiguresDiffering">Of them, those the API gives differently.</param>
/// <param name="AnswerChars">Length of the API's answer.</param>
internal sealed record KpiBenchRun(
    string Provider,
    int Multiple,
    long Pickups,
    long Tickets,
    long GpsFixes,
    IReadOnlyList<double> ApiMilliseconds,
    IReadOnlyList<double> RawMilliseconds,
    int FiguresCompared,
    int FiguresDiffering,
    int AnswerChars)
{
    /// <summary>Median API latency, ms.</summary>
    public double ApiP50 => Percentile(ApiMilliseconds, 0.50);

    /// <summary>95th-percentile API latency (nearest rank), ms.</summary>
    public double ApiP95 => Percentile(ApiMilliseconds, 0.95);

    /// <summary>Median of the raw aggregate, ms.</summary>
    public double RawMedian => Percentile(RawMilliseconds, 0.50);

    /// <summary>p95(API) ÷ median(raw aggregate).</summary>
    public double Ratio => ApiP95 / RawMedian;

    /// <summary>True when every compared figure is the same.</summary>
    public bool Equal => FiguresDiffering == 0 && FiguresCompared > 0;

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="share"/> of the values at or below it.</summary>
    /// <param name="values">The values (not empty).</param>
    /// <param name="share">0..1.</param>
    public static double Percentile(IReadOnlyList<double> values, double share)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(share * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
