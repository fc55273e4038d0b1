using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CitySort.Demo;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort plan --date YYYY-MM-DD [--db PATH | --postgres CONNSTRING] [--time-limit S] [--seed N]
/// [--area CODE] [--category NAME] [--profile FILE] [--demo] [--geojson FILE]</c>: plans the dedicated vehicles'
/// day (docs/planning.md), stores the plans and prints a summary per area and category, with every due site not
/// planned and why. Exit 0 on success, 1 when the profile is invalid or the date outside its validity, 2 on usage
/// errors (a malformed date, a database file that does not exist).
/// </summary>
internal static class PlanCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("plan", "Plan each area's dedicated vehicles over the sites due on a date, store and summarise the plans.");
        var date = new Option<string>("--date") { Description = "The business day, YYYY-MM-DD (Asia/Shanghai).", Required = true };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds of search per area and category (default 3).", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "The solver's seed (default 1).", DefaultValueFactory = _ => 1 };
        var area = new Option<string?>("--area") { Description = "Plan one area only: a district code or a profile area id such as development-zone." };
        var category = new Option<string?>("--category") { Description = "Plan one category only: Kitchen, Hazardous, Recyclable or Other." };
        var profilePath = new Option<string?>("--profile") { Description = "A policy profile JSON file (default: the shipped wenzhou-2015 profile)." };
        var demo = new Option<bool>("--demo") { Description = "Seed the illustrative demo city of the profile first (the same city as serve) when the registry has no sites." };
        var geoJson = new Option<string?>("--geojson") { Description = "Also write the plans as a GeoJSON FeatureCollection to this file." };
        var database = new ImportDatabase();
        command.Options.Add(date);
        command.Options.Add(timeLimit);
        command.Options.Add(seed);
        command.Options.Add(area);
        command.Options.Add(category);
        command.Options.Add(profilePath);
        command.Options.Add(demo);
        command.Options.Add(geoJson);
        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!DateOnly.TryParseExact(parseResult.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await Console.Error.WriteLineAsync($"--date must be a date written YYYY-MM-DD, not '{parseResult.GetValue(date)}'");
                return 2;
            }

            var seconds = parseResult.GetValue(timeLimit);
            if (!(seconds > 0))
            {
                await Console.Error.WriteLineAsync("--time-limit must be more than 0 seconds");
                return 2;
            }

            WasteCategory? only = null;
            if (parseResult.GetValue(category) is { } c)
            {
                if (!Enum.TryParse<WasteCategory>(c, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || c.Any(char.IsDigit))
                {
                    await Console.Error.WriteLineAsync($"--category must be one of {string.Join(", ", Enum.GetNames<WasteCategory>())}, not '{c}'");
                    return 2;
                }

                only = parsed;
            }

            var storage = database.Resolve(parseResult, out var usageError, mustExist: true);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            PolicyProfile profile;
            if (parseResult.GetValue(profilePath) is { } path)
            {
                if (!File.Exists(path))
                {
                    await Console.Error.WriteLineAsync($"{path}: no such file");
                    return 2;
                }

                var loaded = ProfileLoader.LoadFile(path);
                if (!loaded.IsValid)
                {
                    foreach (var error in loaded.Errors)
                    {
                        await Console.Error.WriteLineAsync(error.ToString());
                    }

                    return 1;
                }

                profile = loaded.Profile!;
            }
            else
            {
                profile = ProfileLoader.LoadDefault();
            }

            var options = new PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(seconds), Seed = parseResult.GetValue(seed) };
            await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
            await using var provider = new ServiceCollection()
                .AddCitySortStorage(storage)
                .AddSingleton(profile)
                .AddCitySortPlanning(options)
                .BuildServiceProvider();
            if (parseResult.GetValue(demo))
            {
                // The same city as citysort serve: the profile's spec and the one demo seed.
                var seeded = await provider.GetRequiredService<DemoCitySeeder>().SeedIfEmptyAsync(profile, DemoCityFactory.DefaultSeed, cancellationToken);
                if (seeded.Seeded)
                {
                    Console.WriteLine($"Seeded the illustrative demo city: {seeded.Sites} sites (remove it with: citysort demo remove).");
                }
            }

            var service = provider.GetRequiredService<DailyPlanService>();
            if (service.DateProblem(day) is { } outside)
            {
                // A day the profile does not govern is invalid input, as an invalid profile is (exit 1).
                await Console.Error.WriteLineAsync(outside.Zh + Environment.NewLine + outside.En);
                return 1;
            }

            var set = await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("planning", maxValue: 1);
                var progress = new Progress<PlanningProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{p.AreaCode} {p.Category} ({p.DueSites} sites)";
                });
                return await service.PlanAsync(day, new PlanningRequest(parseResult.GetValue(area), only), progress, cancellationToken);
            });
            Render(set);
            if (parseResult.GetValue(geoJson) is { } output)
            {
                await File.WriteAllTextAsync(output, DailyPlanGeoJson.ToFeatureCollection(set.Plans).ToJsonString(new JsonSerializerOptions { WriteIndented = false }), cancellationToken);
                Console.WriteLine($"Wrote {output}.");
            }

            return 0;
        });
        return command;
    }

    private static void Render(DailyPlanSet set)
    {
        var table = new Table().Title($"Dedicated-line plans for {set.Date:yyyy-MM-dd}")
            .AddColumn("area").AddColumn("category").AddColumn(new TableColumn("veh").RightAligned())
            .AddColumn(new TableColumn("due").RightAligned()).AddColumn(new TableColumn("served").RightAligned())
            .AddColumn(new TableColumn("unserved").RightAligned()).AddColumn(new TableColumn("trips").RightAligned())
            .AddColumn(new TableColumn("t").RightAligned()).AddColumn(new TableColumn("km").RightAligned())
            .AddColumn(new TableColumn("back").RightAligned());
        foreach (var plan in set.Plans)
        {
            var lastBack = plan.Trips.Where(t => t.ReturnsToDepotAt is not null).Select(t => t.ReturnsToDepotAt!.Value).DefaultIfEmpty().Max();
            table.AddRow(
                Markup.Escape(plan.AreaCode),
                plan.Category.ToString(),
                plan.VehicleCount.ToString(CultureInfo.InvariantCulture),
                plan.DueSiteCount.ToString(CultureInfo.InvariantCulture),
                plan.Trips.Sum(t => t.Stops.Count).ToString(CultureInfo.InvariantCulture),
                plan.Unserved.Count.ToString(CultureInfo.InvariantCulture),
                plan.Trips.Count.ToString(CultureInfo.InvariantCulture),
                (plan.TotalLoadKg / 1000.0).ToString("0.0", CultureInfo.InvariantCulture),
                (plan.TotalDistanceMetres / 1000.0).ToString("0", CultureInfo.InvariantCulture),
                plan.Trips.Count == 0 ? "-" : lastBack.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var unserved = set.UnservedCount;
        AnsiConsole.MarkupLineInterpolated($"due {set.DueSiteCount}, served {set.DueSiteCount - unserved}, unserved {unserved} (each listed below with its reason)");
        foreach (var depot in set.Plans.GroupBy(p => p.AreaCode).Select(g => (g.Key, g.First().DepotName)))
        {
            AnsiConsole.MarkupLineInterpolated($"depot of {depot.Key}: {depot.DepotName}");
        }

        foreach (var note in set.Notes)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{note}[/]");
        }

        foreach (var plan in set.Plans.Where(p => p.Unserved.Count > 0))
        {
            foreach (var u in plan.Unserved)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{plan.AreaCode} {plan.Category}: {u.SiteCode} {u.SiteName} ({u.DemandKg} kg) not served: {u.Reason}[/]");
            }
        }
    }
}
