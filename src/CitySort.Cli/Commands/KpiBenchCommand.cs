using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CitySort.Routing.Benchmarks;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort bench kpis [--postgres CONN] [--scale F] [--data-dir DIR] [--repeats N] [--out bench/results]</c>:
/// times <c>GET /api/kpis</c> for a generated city-year by month and district against one plain SQL aggregate of the
/// raw events, on SQLite (cached in the data folder) or on PostgreSQL at 1× and 5× the pickups and tickets, and
/// writes kpis-&lt;provider&gt;-&lt;date&gt;.md (docs/benchmarks.md). Exit codes: 0 done and the figures equal;
/// 1 the API and the aggregate disagree; 2 usage errors.
/// </summary>
internal static class KpiBenchCommand
{
    /// <summary>Creates the <c>kpis</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of a role that may create databases; the bench creates its own database there and drops it afterwards. Without it: SQLite." };
        var scale = new Option<double>("--scale") { Description = "1 = a city-year of 15.2 million pickups, 1.03 million tickets and 51 million GPS fixes (default 1).", DefaultValueFactory = _ => 1.0 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder for the cached SQLite city-years and the last answers (default: citysort-bench-kpis in the system's temporary folder)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the results (default bench/results).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("bench", "results")) };
        var repeats = new Option<int>("--repeats") { Description = "Timed requests after the warm-up (default 200).", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed requests first (default 20).", DefaultValueFactory = _ => 20 };
        var baselineRepeats = new Option<int>("--baseline-repeats") { Description = "Timed runs of the raw aggregate after one untimed run (default 3).", DefaultValueFactory = _ => 3 };
        var port = new Option<int>("--port") { Description = "Loopback port of the in-process server (default 5260).", DefaultValueFactory = _ => 5260 };
        var multiples = new Option<string>("--multiples") { Description = "PostgreSQL: multiples of the pickups and tickets to measure at (default 1,5).", DefaultValueFactory = _ => "1,5" };
        var gpsShare = new Option<double>("--gps-share") { Description = "Share of the scale's GPS fixes to generate, 0..1 (default 1).", DefaultValueFactory = _ => 1.0 };
        var database = new Option<string>("--pg-database") { Description = "PostgreSQL: the database to create for the run (default citysort_bench_kpis).", DefaultValueFactory = _ => "citysort_bench_kpis" };
        var keep = new Option<bool>("--keep-database") { Description = "PostgreSQL: keep the database afterwards." };
        var minFree = new Option<double>("--min-free-gb") { Description = "PostgreSQL: stop growing to the next multiple when the disk has less free space, in GB (default 15).", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator (default 2015).", DefaultValueFactory = _ => 2015 };
        var kpis = new Command("kpis", "Benchmark GET /api/kpis over a generated city-year against a plain SQL aggregate of the raw events.");
        foreach (var option in new Option[] { postgres, scale, dataDir, output, repeats, warmup, baselineRepeats, port, multiples, gpsShare, database, keep, minFree, seed })
        {
            kpis.Options.Add(option);
        }

        kpis.SetAction((parse, cancellationToken) =>
        {
            var list = parse.GetValue(multiples)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
            var settings = new KpiBenchSettings(
                parse.GetValue(postgres),
                parse.GetValue(scale),
                parse.GetValue(gpsShare),
                Path.GetFullPath(parse.GetValue(dataDir) ?? Path.Combine(Path.GetTempPath(), "citysort-bench-kpis")),
                parse.GetValue(repeats),
                parse.GetValue(warmup),
                parse.GetValue(baselineRepeats),
                parse.GetValue(port),
                list,
                parse.GetValue(database)!,
                parse.GetValue(keep),
                parse.GetValue(minFree),
                parse.GetValue(seed));
            return RunAsync(settings, parse.GetValue(output)!, cancellationToken);
        });
        return kpis;
    }

    private static async Task<int> RunAsync(KpiBenchSettings settings, DirectoryInfo output, CancellationToken cancellationToken)
    {
        if (!(settings.Scale > 0) || !double.IsFinite(settings.Scale) || settings.GpsShare is < 0 or > 1 || settings.Repeats < 1 || settings.Warmup < 0
            || settings.BaselineRepeats < 1 || settings.Port is < 1 or > 65535 || settings.Multiples.Count == 0 || settings.Multiples.Any(m => m < 1)
            || !System.Text.RegularExpressions.Regex.IsMatch(settings.PostgresDatabase, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            Console.Error.WriteLine("--scale must be positive, --gps-share 0..1, --repeats and --baseline-repeats at least 1, --warmup at least 0, the port 1..65535, "
                + "--multiples positive whole numbers, --pg-database lower-case letters, digits and _ / 参数超出范围");
            return 2;
        }

        var environment = new BenchmarkEnvironment(CpuModel(), Environment.ProcessorCount, GitCommit(), DateTimeOffset.UtcNow);
        IReadOnlyList<KpiBenchRun> runs = [];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask? task = null;
                var bench = new KpiBench(
                    settings,
                    line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"),
                    (description, done, total) =>
                    {
                        if (task is null || task.IsFinished || task.MaxValue != total || (done == 1 && task.Value > 1))
                        {
                            task?.StopTask();
                            task = context.AddTask(Markup.Escape(description), maxValue: total);
                        }

                        task.Description = Markup.Escape(description);
                        task.Value = done;
                    });
                runs = await bench.RunAsync(cancellationToken);
                task?.StopTask();
            });

        output.Create();
        var provider = settings.Postgres is null ? "sqlite" : "postgresql";
        var markdown = Path.Combine(output.FullName, $"kpis-{provider}-{environment.StartedUtc.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(markdown, KpiBenchTable.Markdown(runs, environment, settings, "/api/kpis?from=2015-01-01&to=2015-12-31&groupBy=month"), cancellationToken);
        foreach (var r in runs)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{r.Provider} {r.Multiple}×: {r.Pickups} pickups, {r.Tickets} tickets, {r.GpsFixes} GPS fixes; API p50 {r.ApiP50:F1} ms, p95 {r.ApiP95:F1} ms; raw aggregate {r.RawMedian:F0} ms; ratio {r.Ratio:F4}; same figures: {(r.Equal ? "yes" : "NO")} ({r.FiguresCompared} compared, {r.FiguresDiffering} differ)"));
        }

        if (KpiBenchTable.Growth(runs) is { } g)
        {
            Console.WriteLine(FormattableString.Invariant($"p95 growth {g.Low.Multiple}× → {g.High.Multiple}×: {g.Growth:F2}"));
        }

        Console.WriteLine($"Written {markdown}");
        return runs.Count > 0 && runs.All(r => r.Equal) ? 0 : 1;
    }

    /// <summary>The processor model from /proc/cpuinfo ("model name"), or the OS description where there is none.</summary>
    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return System.Runtime.InteropServices.RuntimeInformation.OSDescription;
    }

    /// <summary>The short commit hash of the working directory's repository (with "+changes" when it has uncommitted changes), or "unknown".</summary>
    private static string GitCommit()
    {
        var hash = Git("rev-parse --short HEAD");
        if (hash is null)
        {
            return "unknown";
        }

        return string.IsNullOrWhiteSpace(Git("status --porcelain --untracked-files=no")) ? hash : hash + "+changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
