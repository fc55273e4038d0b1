using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CitySort.Collection.Benchmarks;
using CitySort.Routing;
using CitySort.Routing.Benchmarks;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort bench vrp DIR --time-limit S [--solvers hgs,ortools] [--seed N] [--out bench/results]</c>: solves every
/// instance in DIR with each solver at the same limit, one solve at a time, re-checks each solution, and writes
/// vrp-&lt;set&gt;-&lt;date&gt;.md and .csv (per-instance gaps, size-class means beside the OR-Tools baseline of the same
/// run, machine, commit and date). Exit codes: 0 done; 1 unreadable folder; 2 usage errors.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Creates the <c>bench</c> command with its <c>vrp</c> subcommand.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "A folder of .vrp or .txt instances, each with an optional .sol beside it." };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds per instance and solver.", Required = true };
        var solvers = new Option<string>("--solvers") { Description = $"Comma-separated solvers (default: all, {string.Join(",", SolverRegistry.Names)})." };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the results (default bench/results).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("bench", "results")) };
        var vrp = new Command("vrp", "Benchmark the routing solvers on a folder of VRP instances against their best-known solutions.");
        vrp.Arguments.Add(directory);
        vrp.Options.Add(timeLimit);
        vrp.Options.Add(solvers);
        vrp.Options.Add(seed);
        vrp.Options.Add(output);
        vrp.SetAction((parse, cancellationToken) => Task.FromResult(RunVrp(
            parse.GetValue(directory)!,
            parse.GetValue(timeLimit),
            parse.GetValue(solvers),
            parse.GetValue(seed),
            parse.GetValue(output)!,
            cancellationToken)));

        var bench = new Command("bench", "Measure performance; results go to bench/results with machine, commit and date.");
        bench.Subcommands.Add(vrp);
        bench.Subcommands.Add(CreateIngest());
        bench.Subcommands.Add(KpiBenchCommand.Create());
        return bench;
    }

    private static Command CreateIngest()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the results (default bench/results).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("bench", "results")) };
        var repeats = new Option<int>("--repeats") { Description = "Repeats of each measurement; the table gives their medians (default 3).", DefaultValueFactory = _ => 3 };
        var scale = new Option<double>("--scale") { Description = "Size of the runs: 1 = 400 000 HTTP events and 200 000 MQTT messages per repeat (default 1).", DefaultValueFactory = _ => 1.0 };
        var postgres = new Option<string>("--postgres") { Description = "Measure on PostgreSQL: an Npgsql connection string of a role that may create databases (temporary databases are created and dropped). Default: SQLite." };
        var devices = new Option<int>("--devices") { Description = $"Vehicle devices, one MQTT connection each, also the HTTP senders (default {IngestBench.DefaultDevices}).", DefaultValueFactory = _ => IngestBench.DefaultDevices };
        var httpPort = new Option<int>("--http-port") { Description = "Loopback port of the in-process server (the baseline server takes the next one; default 5250).", DefaultValueFactory = _ => 5250 };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "Loopback port of the in-process MQTT broker (the baseline broker takes the next one; default 18855).", DefaultValueFactory = _ => 18855 };
        var window = new Option<int>("--mqtt-window") { Description = $"QoS 1 messages each MQTT device keeps in flight without waiting for their PUBACKs (an MQTT 5 receive maximum; 1 = wait for each PUBACK; default {IngestBench.DefaultMqttWindow}); the no-op baseline's clients do the same.", DefaultValueFactory = _ => IngestBench.DefaultMqttWindow };
        var inFlight = new Option<int>("--http-in-flight") { Description = $"HTTP batch requests in flight at once, each waiting for its answer before the next is sent (1 to 150; default {IngestBench.DefaultHttpInFlight}).", DefaultValueFactory = _ => IngestBench.DefaultHttpInFlight };
        var synchronous = new Option<string?>("--sqlite-synchronous") { Description = "SQLite only: full (default, durable against power loss) or normal (durable against the process being killed); applied to the server's store and to the raw baseline alike." };
        var ingest = new Command("ingest", "Benchmark event ingestion on SQLite or PostgreSQL: the HTTP batch door against a raw bulk write, the MQTT door against a no-op intake.");
        ingest.Options.Add(output);
        ingest.Options.Add(repeats);
        ingest.Options.Add(scale);
        ingest.Options.Add(httpPort);
        ingest.Options.Add(mqttPort);
        ingest.Options.Add(postgres);
        ingest.Options.Add(devices);
        ingest.Options.Add(synchronous);
        ingest.Options.Add(window);
        ingest.Options.Add(inFlight);
        ingest.SetAction((parse, cancellationToken) => RunIngestAsync(
            parse.GetValue(output)!,
            parse.GetValue(repeats),
            parse.GetValue(scale),
            parse.GetValue(httpPort),
            parse.GetValue(mqttPort),
            parse.GetValue(postgres),
            parse.GetValue(devices),
            parse.GetValue(synchronous),
            parse.GetValue(window),
            parse.GetValue(inFlight),
            cancellationToken));
        return ingest;
    }

    private static async Task<int> RunIngestAsync(DirectoryInfo output, int repeats, double scale, int httpPort, int mqttPort, string? postgres, int devices, string? synchronousName, int window, int inFlight, CancellationToken cancellationToken)
    {
        var synchronous = ServeCommand.ParseSynchronous(synchronousName, out var synchronousError);
        if (synchronous is null || (postgres is not null && synchronousName is not null))
        {
            Console.Error.WriteLine(synchronousError ?? "--sqlite-synchronous applies to SQLite only, not to --postgres");
            return 2;
        }

        if (repeats < 1 || !(scale > 0) || !double.IsFinite(scale) || httpPort is < 1 or > 65534 || mqttPort is < 1 or > 65534 || devices is < 1 or > 1000 || window is < 1 or > 100 || inFlight is < 1 or > 150)
        {
            Console.Error.WriteLine("--repeats must be at least 1, --scale a positive number, the ports from 1 to 65534, --devices from 1 to 1000, --mqtt-window from 1 to 100, --http-in-flight from 1 to 150");
            return 2;
        }

        var environment = new BenchmarkEnvironment(CpuModel(), Environment.ProcessorCount, GitCommit(), DateTimeOffset.UtcNow);
        var bench = new IngestBench(postgres, httpPort, mqttPort, devices, scale, synchronous.Value, window, inFlight, line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"));
        var figures = await bench.RunAsync(repeats, cancellationToken);
        output.Create();
        var stamp = environment.StartedUtc.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture);
        var provider = postgres is null ? "sqlite" : "postgresql";
        var markdown = Path.Combine(output.FullName, $"ingest-{provider}-{stamp}.md");
        var csv = Path.Combine(output.FullName, $"ingest-{provider}-{stamp}.csv");
        await File.WriteAllTextAsync(markdown, IngestBenchTable.Markdown(figures, environment, repeats, scale), cancellationToken);
        await File.WriteAllTextAsync(csv, IngestBenchTable.Csv(figures, environment, repeats, scale), cancellationToken);
        foreach (var figure in figures)
        {
            Console.WriteLine(FormattableString.Invariant($"{figure.Name}: {figure.MeasuredMedian:F0} events/s, baseline {figure.BaselineMedian:F0} events/s, ratio {figure.Ratio:F2} (target ≥ {figure.TargetRatio:F1}: {(figure.Met ? "met" : "not met")})"));
        }

        Console.WriteLine($"Written {markdown}");
        Console.WriteLine($"Written {csv}");
        return 0;
    }

    private static int RunVrp(DirectoryInfo directory, double timeLimitSeconds, string? solverList, int seed, DirectoryInfo output, CancellationToken cancellationToken)
    {
        if (timeLimitSeconds <= 0 || !double.IsFinite(timeLimitSeconds))
        {
            Console.Error.WriteLine($"--time-limit {timeLimitSeconds} must be a positive number of seconds");
            return 2;
        }

        var names = (solverList ?? string.Join(",", SolverRegistry.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = new List<ISolver>();
        foreach (var name in names)
        {
            if (SolverRegistry.Create(name) is not { } solver)
            {
                Console.Error.WriteLine(SolverRegistry.Unknown(name));
                return 2;
            }

            chosen.Add(solver);
        }

        if (!directory.Exists)
        {
            Console.Error.WriteLine($"{directory.FullName}: the folder does not exist");
            return 1;
        }

        var environment = new BenchmarkEnvironment(CpuModel(), Environment.ProcessorCount, GitCommit(), DateTimeOffset.UtcNow);
        var settings = new BenchmarkSettings(TimeSpan.FromSeconds(timeLimitSeconds), seed, chosen, chosen.Any(s => s.Name == SolverRegistry.Baseline) ? SolverRegistry.Baseline : null);
        BenchmarkRun? run = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Reading instances", maxValue: 1);
                var progress = new SolverProgressSink<BenchmarkStep>(step =>
                {
                    task.MaxValue = Math.Max(1, step.Total);
                    task.Value = step.Done;
                    task.Description = step.Result is null
                        ? $"{step.Instance} · {step.Solver}"
                        : $"{step.Instance} · {step.Solver} · " + (step.Result.Feasible ? "checked" : "INFEASIBLE");
                });
                run = VrpBenchmark.Run(directory.FullName, settings, progress, cancellationToken);
                task.Value = task.MaxValue;
            });

        var (markdown, csv) = BenchmarkReport.Write(output.FullName, run!, environment);
        foreach (var error in run!.Errors)
        {
            Console.Error.WriteLine(error);
        }

        Console.WriteLine($"{run.Rows.Count} instances × {chosen.Count} solvers at {timeLimitSeconds.ToString(CultureInfo.InvariantCulture)} s");
        foreach (var solver in chosen)
        {
            var mean = BenchmarkReport.MeanGap(run.Rows, solver.Name);
            Console.WriteLine($"  {solver.Name}: mean gap {(mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—")}, "
                + $"feasible {run.Rows.Count(r => r.Entries.Any(e => e.Solver == solver.Name && e.Feasible))}/{run.Rows.Count}");
        }

        Console.WriteLine($"Written {markdown}");
        Console.WriteLine($"Written {csv}");
        return 0;
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

    /// <summary>The short commit hash of the current directory's repository (with "+changes" when it has uncommitted changes), or "unknown".</summary>
    private static string GitCommit()
    {
        var hash = Git("rev-parse --short HEAD");
        if (hash is null)
        {
            return "unknown";
        }

        var status = Git("status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? hash : hash + "+changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Directory.GetCurrentDirectory(),
            };
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
