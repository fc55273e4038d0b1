using System.Globalization;
using System.Text;
using CitySort.Routing.Formats;

namespace CitySort.Routing.Benchmarks;

/// <summary>
/// Writes a benchmark run as a Markdown table (instance, clients, BKS, and per solver cost, gap %, routes and time),
/// the mean gap per size class (≤ 300, 301–600, > 600 clients) and overall, each solver beside the baseline measured
/// in the same run, with machine, commit and date in the header; and the same rows as CSV.
/// </summary>
public static class BenchmarkReport
{
    /// <summary>The size classes by number of clients: label, smallest, largest (inclusive).</summary>
    public static IReadOnlyList<(string Label, int Min, int Max)> SizeClasses { get; } =
    [
        ("≤300 clients", 0, 300),
        ("301–600 clients", 301, 600),
        (">600 clients", 601, int.MaxValue),
    ];

    /// <summary>Writes vrp-&lt;set&gt;-&lt;date&gt;.md and .csv into <paramref name="outputDirectory"/> (created if needed).</summary>
    /// <param name="outputDirectory">The folder, e.g. bench/results.</param>
    /// <param name="run">The run.</param>
    /// <param name="environment">Machine, commit and date.</param>
    /// <returns>The paths written; a file of the same day is not overwritten, the time is appended instead.</returns>
    /// <exception cref="IOException">The files cannot be written.</exception>
    public static (string Markdown, string Csv) Write(string outputDirectory, BenchmarkRun run, BenchmarkEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(environment);
        Directory.CreateDirectory(outputDirectory);
        var stem = Path.Combine(outputDirectory, $"vrp-{run.SetName}-{environment.StartedUtc.UtcDateTime:yyyy-MM-dd}");
        if (File.Exists(stem + ".md") || File.Exists(stem + ".csv"))
        {
            stem += environment.StartedUtc.UtcDateTime.ToString("-HHmmss", CultureInfo.InvariantCulture);
        }

        File.WriteAllText(stem + ".md", ToMarkdown(run, environment));
        File.WriteAllText(stem + ".csv", ToCsv(run));
        return (stem + ".md", stem + ".csv");
    }

    /// <summary>The run as Markdown.</summary>
    /// <param name="run">The run.</param>
    /// <param name="environment">Machine, commit and date.</param>
    /// <returns>The document, LF line endings.</returns>
    public static string ToMarkdown(BenchmarkRun run, BenchmarkEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(environment);
        var solvers = run.Settings.Solvers.Select(s => s.Name).ToList();
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line($"# VRP benchmark: {run.SetName}");
        Line();
        Line($"- Date: {environment.StartedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        Line($"- Machine: {environment.CpuModel}, {environment.LogicalCores} logical cores");
        Line($"- Commit: {environment.Commit}");
        Line($"- Time limit: {Seconds(run.Settings.TimeLimit)} s per instance and solver, solves one after another, one thread each, seed {run.Settings.Seed}");
        Line($"- Solvers: {string.Join(", ", solvers)}" + (run.Settings.Baseline is { } b ? $" (baseline: {b})" : string.Empty));
        Line("- Every solution is re-checked by the independent SolutionChecker; an infeasible result counts as no result (\"—\").");
        Line("- Gap % = 100 × (cost − BKS) / BKS; BKS from the .sol beside each instance, confirmed by the checker.");
        if (run.Rows.Any(r => r.BestKnownIsPublished))
        {
            Line($"- BKS marked † is the best published distance ({PublishedResults.FileName}, with its vehicle count in brackets); no routes were published, so the checker cannot confirm it.");
        }

        if (run.Rows.Any(r => r.CostScale == WasteCollectionReader.DistanceUnitsPerMile))
        {
            Line("- Costs of the waste-collection instances are distances in miles (one decimal); routes are trucks.");
        }
        Line();

        var header = new StringBuilder("| Instance | Clients | BKS |");
        var rule = new StringBuilder("|---|---:|---:|");
        foreach (var s in solvers)
        {
            header.Append($" {s} cost | {s} gap % | {s} routes | {s} time s |");
            rule.Append("---:|---:|---:|---:|");
        }

        Line(header.ToString());
        Line(rule.ToString());
        foreach (var row in run.Rows)
        {
            var bksCell = Cost(row.BestKnownCost, row.CostScale)
                + (row.BestKnownIsPublished ? (row.BestKnownVehicles is { } v ? $" ({v})" : string.Empty) + " †" : string.Empty);
            var cells = new StringBuilder($"| {row.Instance} | {row.Clients} | {bksCell} |");
            foreach (var entry in row.Entries)
            {
                cells.Append(entry.Feasible
                    ? $" {Cost(entry.Cost, row.CostScale)} | {Percent(row.GapPercent(entry))} | {entry.Routes} | {Seconds(entry.Elapsed)} |"
                    : $" — | — | — | {Seconds(entry.Elapsed)} |");
            }

            Line(cells.ToString());
        }

        Line();
        Line("## Mean gap to BKS by size class");
        Line();
        var others = solvers.Where(s => s != run.Settings.Baseline).ToList();
        var baselinePresent = run.Settings.Baseline is { } bl && solvers.Contains(bl);
        header = new StringBuilder("| Size class | Instances |");
        rule = new StringBuilder("|---|---:|");
        foreach (var s in solvers)
        {
            header.Append($" {s} mean gap % |");
            rule.Append("---:|");
        }

        if (baselinePresent)
        {
            foreach (var s in others)
            {
                header.Append($" {s} − {run.Settings.Baseline} (points) | {s} / {run.Settings.Baseline} |");
                rule.Append("---:|---:|");
            }
        }

        Line(header.ToString());
        Line(rule.ToString());
        foreach (var (label, min, max) in SizeClasses.Append(("overall", 0, int.MaxValue)))
        {
            var rows = run.Rows.Where(r => r.Clients >= min && r.Clients <= max).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var counts = solvers.Select(s => $"{s} {rows.Count(r => r.GapPercent(Entry(r, s)) is not null)}");
            var cells = new StringBuilder($"| {label} | {rows.Count} ({string.Join(", ", counts)}) |");
            var means = solvers.ToDictionary(s => s, s => MeanGap(rows, s));
            foreach (var s in solvers)
            {
                cells.Append($" {Percent(means[s])} |");
            }

            if (baselinePresent)
            {
                var baseline = means[run.Settings.Baseline!];
                foreach (var s in others)
                {
                    var difference = means[s] is { } m && baseline is { } bm ? m - bm : (double?)null;
                    var ratio = means[s] is { } n && baseline is { } bn && bn > 0 ? n / bn : (double?)null;
                    cells.Append($" {Signed(difference)} | {(ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—")} |");
                }
            }

            Line(cells.ToString());
        }

        Line();
        Line("A mean covers only instances where the solver returned a feasible solution (the count in brackets).");
        if (run.Errors.Count > 0)
        {
            Line();
            Line("## Input problems");
            Line();
            foreach (var e in run.Errors)
            {
                Line("- " + e);
            }
        }

        var failures = run.Rows.SelectMany(r => r.Entries.Where(e => !e.Feasible).Select(e => $"- {r.Instance}, {e.Solver}: {e.Violation}")).ToList();
        if (failures.Count > 0)
        {
            Line();
            Line("## Infeasible or failed solves");
            Line();
            foreach (var f in failures)
            {
                Line(f);
            }
        }

        return md.ToString();
    }

    /// <summary>The run as CSV: one line per instance and solver.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The text with a header line, LF line endings, invariant culture.</returns>
    public static string ToCsv(BenchmarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var csv = new StringBuilder("instance,clients,bks,solver,cost,gap_percent,routes,seconds,feasible,violation\n");
        foreach (var row in run.Rows)
        {
            foreach (var e in row.Entries)
            {
                csv.Append(string.Join(',',
                    row.Instance,
                    row.Clients.ToString(CultureInfo.InvariantCulture),
                    row.BestKnownCost is { } b ? Cost(b, row.CostScale) : string.Empty,
                    e.Solver,
                    e.Feasible ? Cost(e.Cost, row.CostScale) : string.Empty,
                    row.GapPercent(e) is { } g ? g.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty,
                    e.Feasible ? e.Routes.ToString(CultureInfo.InvariantCulture) : string.Empty,
                    e.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                    e.Feasible ? "true" : "false",
                    Quote(e.Violation ?? string.Empty)));
                csv.Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>The mean gap of <paramref name="solver"/> over the rows where it has one, or null when it has none.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="solver">The solver name.</param>
    /// <returns>The mean in percent.</returns>
    public static double? MeanGap(IEnumerable<BenchmarkRow> rows, string solver)
    {
        var gaps = rows.Select(r => r.GapPercent(Entry(r, solver))).OfType<double>().ToList();
        return gaps.Count == 0 ? null : gaps.Average();
    }

    private static BenchmarkEntry Entry(BenchmarkRow row, string solver) => row.Entries.First(e => e.Solver == solver);

    private static string Cost(Distance? cost, int scale) => cost is not { } c
        ? "—"
        : scale == 1 ? c.ToString()
        : scale == WasteCollectionReader.DistanceUnitsPerMile ? (c.Value / (decimal)scale).ToString("0.0", CultureInfo.InvariantCulture)
        : (c.Value / (decimal)scale).ToString("0.0###", CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) : "—";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
