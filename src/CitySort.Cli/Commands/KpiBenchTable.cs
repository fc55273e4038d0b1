using System.Globalization;
using System.Text;
using CitySort.Routing.Benchmarks;

namespace CitySort.Cli.Commands;

/// <summary>The Markdown table of <c>citysort bench kpis</c> (bench/results/kpis-&lt;provider&gt;-&lt;date&gt;.md).</summary>
internal static class KpiBenchTable
{
    /// <summary>Target p95 of <c>GET /api/kpis</c>, ms (issue 9).</summary>
    public const double TargetP95Milliseconds = 100;

    /// <summary>Target ratio p95(API) ÷ raw aggregate.</summary>
    public const double TargetRatio = 0.05;

    /// <summary>Target growth of the p95 from 1× to 5× the pickups and tickets (PostgreSQL).</summary>
    public const double TargetGrowth = 1.5;

    /// <summary>The growth of the p95 from the smallest to the largest multiple measured, or null with fewer than two.</summary>
    /// <param name="runs">The runs.</param>
    public static (KpiBenchRun Low, KpiBenchRun High, double Growth)? Growth(IReadOnlyList<KpiBenchRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count < 2)
        {
            return null;
        }

        var low = runs.MinBy(r => r.Multiple)!;
        var high = runs.MaxBy(r => r.Multiple)!;
        return (low, high, high.ApiP95 / low.ApiP95);
    }

    /// <summary>The table with its header (machine, commit, date, repeats) and notes.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="environment">Machine, commit and date.</param>
    /// <param name="settings">The options of the run.</param>
    /// <param name="query">The request timed.</param>
    public static string Markdown(IReadOnlyList<KpiBenchRun> runs, BenchmarkEnvironment environment, KpiBenchSettings settings, string query)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        var s = new StringBuilder();
        s.AppendLine("# KPI latency benchmark (`citysort bench kpis`)");
        s.AppendLine();
        s.AppendLine(Invariant($"- machine: {environment.CpuModel}, {environment.LogicalCores} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        s.AppendLine(Invariant($"- commit: {environment.Commit}"));
        s.AppendLine(Invariant($"- date: {environment.StartedUtc:yyyy-MM-dd HH:mm} UTC"));
        s.AppendLine(Invariant($"- repeats: {settings.Repeats} timed requests after {settings.Warmup} untimed (p50/p95 of them); raw aggregate {settings.BaselineRepeats} timed runs after 1 untimed (median); scale {settings.Scale}, GPS share {settings.GpsShare}, seed {settings.Seed}"));
        s.AppendLine(Invariant($"- request: `GET {query}` (12 months × the city and each district)"));
        s.AppendLine();
        s.AppendLine("| database | pickups | tickets | GPS fixes | API p50 ms | API p95 ms | p95 target | met | raw aggregate ms (median) | ratio p95 ÷ raw | ratio target | met | same figures |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|");
        foreach (var r in runs.OrderBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Multiple))
        {
            s.AppendLine(Invariant(
                $"| {r.Provider} {r.Multiple}× | {r.Pickups:N0} | {r.Tickets:N0} | {r.GpsFixes:N0} | {r.ApiP50:F1} | {r.ApiP95:F1} | ≤ {TargetP95Milliseconds:F0} | {YesNo(r.ApiP95 <= TargetP95Milliseconds)} | {r.RawMedian:F0} | {r.Ratio:F4} | ≤ {TargetRatio:F2} | {YesNo(r.Ratio <= TargetRatio)} | {(r.Equal ? $"yes, {r.FiguresCompared} figures" : $"NO: {r.FiguresDiffering} of {r.FiguresCompared} differ")} |"));
        }

        if (Growth(runs) is { } g)
        {
            s.AppendLine();
            s.AppendLine(Invariant($"p95 growth from {g.Low.Multiple}× to {g.High.Multiple}× the pickups and tickets: {g.High.ApiP95:F1} ÷ {g.Low.ApiP95:F1} = {g.Growth:F2} (target ≤ {TargetGrowth:F1} from 1× to 5×: {YesNo(g.Low.Multiple == 1 && g.High.Multiple == 5 && g.Growth <= TargetGrowth)})."));
        }

        s.AppendLine();
        s.AppendLine("## Notes");
        s.AppendLine();
        s.AppendLine("- API: the real server in process on 127.0.0.1 (Kestrel, the same pipeline as `citysort serve`), one request at a time, timed from sending to the last byte of the answer; KPIs from the rollups (`KpiService`).");
        s.AppendLine("- Raw aggregate: one SQL statement over `collection_tickets` and `collection_pickups` (no rollups), timed from opening a pooled connection to the last row; it gives, per month and district, the numerators and denominators of the sorted-transport and harmless-treatment rates, residual tonnage and its year to date, collected tonnage per category and facility, and the cleared site-days of same-day clearance. \"Same figures\" compares each of them (and the city totals) with the API's answer, exactly (tonnes as decimals).");
        s.AppendLine("- The API's answer holds more than the baseline computes (coverage, due site-days, reconciliation), so the ratio is, if anything, against the API.");
        s.AppendLine("- The city-year: the demo city's registry; events generated by `KpiCityYear` and written through the store's bulk path (prepared INSERTs on SQLite, binary COPY on PostgreSQL), one business day per transaction with its rollups; PostgreSQL multiples above 1× add further sets of trips over the same sites and days (pickups and tickets), GPS fixes stay at 1×.");
        return s.ToString();
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
