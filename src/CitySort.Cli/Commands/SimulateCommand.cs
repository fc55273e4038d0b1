using System.CommandLine;
using System.Globalization;
using CitySort.Collection.Simulation;
using CitySort.Demo;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Exceptions;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort simulate [--speed 60] [--broker HOST:PORT] [--date D] [--inject-faults] [--max-events N]
/// [--max-minutes M] [--seed N] [--gps-interval S] [--from HH:MM] [--to HH:MM] [--faults-out FILE]
/// [--db PATH | --postgres CONNSTRING]</c>: plays a demo-city day (or a slice of it) over
/// MQTT from the stored plans (planning the day first when it has none), with a progress bar (docs/simulator.md).
/// Exit 0 when played, 1 when the broker cannot be reached or the registry has nothing to play, 2 on usage errors.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("simulate", "Play a demo-city day over MQTT: vehicles along their planned trips, pickups, weigh tickets, optional faults.");
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per real second (default 60: an hour a minute).", DefaultValueFactory = _ => 60 };
        var broker = new Option<string>("--broker") { Description = "The MQTT broker, HOST:PORT on this machine (default 127.0.0.1:1883, the server's own).", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var date = new Option<string>("--date") { Description = "The business day to play, YYYY-MM-DD (default 2015-12-01).", DefaultValueFactory = _ => "2015-12-01" };
        var faults = new Option<bool>("--inject-faults") { Description = "Inject mixings, duplicates, conflicts, late fixes, malformed messages, messages on another plate's topic and logins with a wrong password." };
        var maxEvents = new Option<int>("--max-events") { Description = "Publish at most this many messages (default 300000).", DefaultValueFactory = _ => 300_000 };
        var maxMinutes = new Option<double>("--max-minutes") { Description = "Stop after this many real minutes (default 30).", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "The seed of the noise and of the faults (default 1).", DefaultValueFactory = _ => 1 };
        var gpsInterval = new Option<int>("--gps-interval") { Description = "Simulated seconds between two GPS fixes of a vehicle (default 30).", DefaultValueFactory = _ => 30 };
        var from = new Option<string?>("--from") { Description = "Play only from this time of the day, HH:MM (Asia/Shanghai); the faults are chosen in the slice." };
        var to = new Option<string?>("--to") { Description = "Play only until this time of the day, HH:MM (exclusive)." };
        var faultsOut = new Option<FileInfo?>("--faults-out") { Description = "Write the injected faults that were published, with what CitySort must make of each, to this JSON file." };
        var database = new ImportDatabase();
        foreach (var option in new Option[] { speed, broker, date, faults, maxEvents, maxMinutes, seed, gpsInterval, from, to, faultsOut })
        {
            command.Options.Add(option);
        }

        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!DateOnly.TryParseExact(parseResult.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await Console.Error.WriteLineAsync($"--date must be a date written YYYY-MM-DD, not '{parseResult.GetValue(date)}' / --date 应写成 YYYY-MM-DD");
                return 2;
            }

            if (!BrokerEndpoint.TryParse(parseResult.GetValue(broker), out var endpoint, out var brokerError))
            {
                await Console.Error.WriteLineAsync(brokerError);
                return 2;
            }

            var factor = parseResult.GetValue(speed);
            var limit = parseResult.GetValue(maxEvents);
            var minutes = parseResult.GetValue(maxMinutes);
            var interval = parseResult.GetValue(gpsInterval);
            if (!(factor >= 1) || limit < 1 || !(minutes > 0) || interval < 1)
            {
                await Console.Error.WriteLineAsync("--speed must be at least 1, --max-events at least 1, --max-minutes more than 0 and --gps-interval at least 1 / 参数超出范围");
                return 2;
            }

            TimeOnly? sliceFrom = null;
            TimeOnly? sliceTo = null;
            foreach (var (option, keep) in new (Option<string?> Option, Action<TimeOnly> Keep)[] { (from, t => sliceFrom = t), (to, t => sliceTo = t) })
            {
                if (parseResult.GetValue(option) is { } text)
                {
                    if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                    {
                        await Console.Error.WriteLineAsync($"{option.Name} must be a time written HH:MM, not '{text}' / {option.Name} 应写成 HH:MM");
                        return 2;
                    }

                    keep(time);
                }
            }

            if (sliceFrom is { } a && sliceTo is { } b && b <= a)
            {
                await Console.Error.WriteLineAsync("--to must be later than --from / --to 须晚于 --from");
                return 2;
            }

            var storage = database.Resolve(parseResult, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            var profile = ProfileLoader.LoadDefault();
            if (profile.Settings.Planning?.Value is not { } rules)
            {
                await Console.Error.WriteLineAsync($"The profile {profile.Id} has no 'planning' setting; nothing to play.");
                return 1;
            }

            await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
            await using var provider = new ServiceCollection()
                .AddCitySortStorage(storage)
                .AddSingleton(profile)
                .AddCitySortPlanning(new PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(2) })
                .BuildServiceProvider();
            var plans = provider.GetRequiredService<DailyPlanService>();
            var set = await plans.GetAsync(day, null, cancellationToken);
            if (set is null)
            {
                AnsiConsole.MarkupLineInterpolated($"No plan is stored for {day:yyyy-MM-dd}; planning it first.");
                set = await AnsiConsole.Status().StartAsync("planning the dedicated lines…", _ => plans.PlanAsync(day, null, null, cancellationToken));
            }

            var contexts = provider.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var city = new SimulationCity(
                await db.Sites.AsNoTracking().Include(s => s.Bins).OrderBy(s => s.Code).ToListAsync(cancellationToken),
                await db.Vehicles.AsNoTracking().OrderBy(v => v.Plate).ToListAsync(cancellationToken),
                await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken),
                set.Plans,
                rules,
                DemoCitySpec.Default,
                plans.AreaOf);
            if (city.Sites.Count == 0)
            {
                await Console.Error.WriteLineAsync("The registry has no sites: start `citysort serve` once (it seeds the demo city) or import sites first.");
                return 1;
            }

            var simulated = DaySimulator.Generate(city, new SimulationOptions
            {
                Date = day,
                Seed = parseResult.GetValue(seed),
                InjectFaults = parseResult.GetValue(faults),
                GpsIntervalSeconds = interval,
                From = sliceFrom,
                To = sliceTo,
            });
            Summarise(simulated, city);

            MqttSimulationPublisher publisher;
            try
            {
                publisher = await MqttSimulationPublisher.ConnectAsync(endpoint!, "citysort-simulator-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }
            catch (MqttCommunicationException ex)
            {
                await Console.Error.WriteLineAsync($"The MQTT broker at {endpoint!.Host}:{endpoint.Port} cannot be reached ({ex.Message}); start `citysort serve` first / 无法连接消息代理，请先启动 citysort serve");
                return 1;
            }

            await using (publisher)
            {
                var player = new SimulationPlayer(publisher, TimeProvider.System);
                var run = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("starting", maxValue: Math.Max(1, Math.Min(simulated.Messages.Count, limit)));
                        var progress = new Progress<SimulationProgress>(p =>
                        {
                            task.Value = p.Published;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.SimulatedClock:HH:mm:ss} · {p.Published:N0} sent · {p.Faults} faults · {p.Failed} refused");
                        });
                        return await player.PlayAsync(simulated, factor, limit, TimeSpan.FromMinutes(minutes), progress, cancellationToken);
                    });
                var why = run.Stop switch
                {
                    SimulationStop.Finished => "the day is played",
                    SimulationStop.MaxEvents => "--max-events reached",
                    SimulationStop.MaxDuration => "--max-minutes reached",
                    _ => "stopped",
                };
                AnsiConsole.MarkupLineInterpolated($"Published {run.Published:N0} message(s) in {run.Elapsed.TotalSeconds:0} s ({why}); {run.Failed} refused by the server (rejected events) or failed.");
                if (parseResult.GetValue(faultsOut) is { } file)
                {
                    var injected = SimulationManifest.Build(simulated, run.Published);
                    await using (var stream = File.Create(file.FullName))
                    {
                        await SimulationManifest.WriteAsync(stream, day, injected, CancellationToken.None);
                    }

                    AnsiConsole.MarkupLineInterpolated($"{injected.Count} injected fault(s) listed in {file.FullName}.");
                }
            }

            return 0;
        });
        return command;
    }

    private static void Summarise(SimulatedDay day, SimulationCity city)
    {
        var table = new Table().Title($"Simulated day {day.Date:yyyy-MM-dd} (illustrative)")
            .AddColumn("messages").AddColumn(new TableColumn("count").RightAligned());
        foreach (var kind in Enum.GetValues<SimulatedMessageKind>())
        {
            table.AddRow(kind.ToString(), day.Messages.Count(m => m.Kind == kind && m.Fault is null).ToString("N0", CultureInfo.InvariantCulture));
        }

        foreach (var fault in Enum.GetValues<SimulationFault>())
        {
            var n = day.Messages.Count(m => m.Fault == fault);
            if (n > 0)
            {
                table.AddRow("fault: " + fault, n.ToString(CultureInfo.InvariantCulture));
            }
        }

        AnsiConsole.Write(table);
        var moving = day.Messages.Where(m => m.Kind == SimulatedMessageKind.GpsFix).Select(m => m.VehiclePlate).Distinct(StringComparer.Ordinal).Count();
        AnsiConsole.MarkupLineInterpolated($"{moving} vehicles, {day.Rounds.Count} other-waste trips, {city.Plans.Sum(p => p.Trips.Count)} dedicated trips; residual tonnage (tickets at waste-to-energy plants and landfills, W96-T5): {day.ResidualTonnes:N0} t.");
        if (day.Rounds.Count == 0)
        {
            AnsiConsole.MarkupLine("[yellow]The registry has no other-waste fleet (W96-K3); only the dedicated lines are played. A demo city seeded by this version has it.[/]");
        }
    }
}
