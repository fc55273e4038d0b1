using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CitySort.Routing.Benchmarks;

namespace CitySort.Collection.Benchmarks;

/// <summary>
/// Writes the <c>bench ingest</c> results as a Markdown table (with machine, OS, commit, date, repeats and scale)
/// and as CSV (one row per figure, invariant culture, comma-separated, no cell starting with = + - @).
/// </summary>
public static class IngestBenchTable
{
    /// <summary>The Markdown document of <paramref name="figures"/>.</summary>
    public static string Markdown(IReadOnlyList<IngestBenchFigure> figures, BenchmarkEnvironment environment, int repeats, double scale)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(environment);
        var text = new StringBuilder();
        text.AppendLine("# Ingest benchmark (`citysort bench ingest`)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- machine: {environment.CpuModel}, {environment.LogicalCores} logical cores, {RuntimeInformation.OSDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- commit: {environment.Commit}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- date: {environment.StartedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- repeats: {repeats} (medians below); scale {scale.ToString(CultureInfo.InvariantCulture)}");
        text.AppendLine();
        text.AppendLine("| measured | events/s (median) | baseline | events/s (median) | ratio | target | met | repeats measured | repeats baseline |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---|---|---|");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.MeasuredMedian:F0} | {f.Baseline} | {f.BaselineMedian:F0} | {f.Ratio:F2} | ≥ {f.TargetRatio:F1} | {(f.Met ? "yes" : "no")} | {Join(f.MeasuredEventsPerSecond)} | {Join(f.BaselineEventsPerSecond)} |");
        }

        return text.ToString();
    }

    /// <summary>The CSV document of <paramref name="figures"/>.</summary>
    public static string Csv(IReadOnlyList<IngestBenchFigure> figures, BenchmarkEnvironment environment, int repeats, double scale)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(environment);
        var text = new StringBuilder();
        text.AppendLine("measured,measured_events_per_s,baseline,baseline_events_per_s,ratio,target_ratio,met,repeats,scale,cpu,cores,os,commit,date_utc");
        foreach (var f in figures)
        {
            text.AppendLine(string.Join(
                ',',
                Cell(f.Name),
                f.MeasuredMedian.ToString("F1", CultureInfo.InvariantCulture),
                Cell(f.Baseline),
                f.BaselineMedian.ToString("F1", CultureInfo.InvariantCulture),
                f.Ratio.ToString("F3", CultureInfo.InvariantCulture),
                f.TargetRatio.ToString(CultureInfo.InvariantCulture),
                f.Met ? "yes" : "no",
                repeats.ToString(CultureInfo.InvariantCulture),
                scale.ToString(CultureInfo.InvariantCulture),
                Cell(environment.CpuModel),
                environment.LogicalCores.ToString(CultureInfo.InvariantCulture),
                Cell(RuntimeInformation.OSDescription),
                Cell(environment.Commit),
                environment.StartedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }

    private static string Join(IReadOnlyList<double> values) => string.Join(" / ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)));

    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
