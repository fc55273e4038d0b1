using System.CommandLine;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Collection.Files;
using CitySort.Demo;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort import divisions|communities|sites|boundaries|facilities|haulers|vehicles|lines|tickets|pickups FILE
/// [--db PATH] [--postgres CONNSTRING] [--profile FILE]</c> (boundaries also <c>--datum wgs84|gcj02</c> and
/// <c>--allow-moved-boundary</c>; tickets and pickups also <c>--device ID</c>): imports one file all-or-nothing into an
/// existing database and prints the report; when the registry still holds the illustrative demo city, says so and
/// prints the command that removes it. Sites and the fleet are checked against the profile (default: the shipped
/// one). Tickets and pickups go through the event intake, for the registered device named by <c>--device</c> or else
/// the office account. Exit 0 on success, 1 when the file or the profile is invalid (nothing written; every problem
/// printed as file:line:column: reason), 2 on usage errors (a missing file or database). Formats: docs/formats.md.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Creates the command with its four subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("import", "Import a divisions, communities, sites, boundaries, facilities, haulers, vehicles or lines file into the registry, or a weigh tickets or pickups file through the event intake (all-or-nothing).");
        command.Subcommands.Add(Sub("divisions", "Township-level divisions CSV (format of wenzhou_streets.csv).",
            (services, stream, name, _, ct) => services.GetRequiredService<ImportService>().ImportDivisionsAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("communities", "Village-level divisions CSV (format of wenzhou_communities.csv).",
            (services, stream, name, _, ct) => services.GetRequiredService<ImportService>().ImportCommunitiesAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("sites", "Sites CSV with their bins (docs/formats.md).",
            (services, stream, name, _, ct) => services.GetRequiredService<ImportService>().ImportSitesAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("boundaries", "District boundaries GeoJSON; --datum says which datum its coordinates are in.",
            (services, stream, name, options, ct) => services.GetRequiredService<ImportService>().ImportBoundariesAsync(stream, name, options.Datum!.Value, options.AllowMovedBoundary, ct), needsDatum: true));
        command.Subcommands.Add(Sub("facilities", "Facilities CSV: treatment, disposal and transfer facilities (docs/formats.md).",
            (services, stream, name, _, ct) => Fleet(services).ImportFacilitiesAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("haulers", "Haulers CSV: collection and transport operators (docs/formats.md).",
            (services, stream, name, _, ct) => Fleet(services).ImportHaulersAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("vehicles", "Vehicles CSV: sorted-transport vehicles (docs/formats.md).",
            (services, stream, name, _, ct) => Fleet(services).ImportVehiclesAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("lines", "Dedicated lines CSV with their stops (docs/formats.md).",
            (services, stream, name, _, ct) => Fleet(services).ImportLinesAsync(stream, name, ct)));
        command.Subcommands.Add(EventsSub("tickets", "Weigh tickets CSV (过磅单, docs/formats.md), through the event intake.", ImportKind.Tickets));
        command.Subcommands.Add(EventsSub("pickups", "Pickups CSV (收运记录, docs/formats.md), through the event intake.", ImportKind.Pickups));
        return command;
    }

    private static Command EventsSub(string name, string description, ImportKind kind)
    {
        var command = new Command(name, description);
        var file = new Argument<string>("FILE") { Description = "The file to import." };
        var deviceOption = new Option<string?>("--device") { Description = "The registered device the file is for (default: the office account office:" + name + ")." };
        var database = new ImportDatabase();
        command.Arguments.Add(file);
        command.Options.Add(deviceOption);
        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var storage = database.Resolve(parseResult, out var usageError, mustExist: true);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"{path}: no such file");
                return 2;
            }

            try
            {
                await using var services = new ServiceCollection()
                    .AddCitySortStorage(storage)
                    .AddSingleton(ProfileLoader.LoadDefault())
                    .AddCitySortCollection()
                    .BuildServiceProvider();
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                var intake = services.GetService<IEventIntake>();
                if (intake is null)
                {
                    await Console.Error.WriteLineAsync("The event intake is not available, nothing was imported / 事件接收不可用，未导入.");
                    return 1;
                }

                DeviceIdentity? device = null;
                if (parseResult.GetValue(deviceOption) is { } deviceId)
                {
                    var registered = (await services.GetRequiredService<DeviceService>().ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == deviceId);
                    if (registered is null || registered.IsRevoked)
                    {
                        await Console.Error.WriteLineAsync($"--device: no active device has the id '{deviceId}' / 没有编号为“{deviceId}”的有效设备.");
                        return 2;
                    }

                    device = registered.ToIdentity();
                }

                var importer = new EventFileImporter(intake);
                await using var stream = File.OpenRead(path);
                var report = kind == ImportKind.Tickets
                    ? await importer.ImportTicketsAsync(stream, Path.GetFileName(path), device, cancellationToken)
                    : await importer.ImportPickupsAsync(stream, Path.GetFileName(path), device, cancellationToken);
                ImportReportView.Render(AnsiConsole.Console, Console.Out, report);
                return report.Succeeded ? 0 : 1;
            }
            catch (System.Data.Common.DbException e)
            {
                await Console.Error.WriteLineAsync("The database could not be opened or written, nothing was imported: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>The fleet imports over the command's database, checked against the shipped profile.</summary>
    private static FleetImportService Fleet(IServiceProvider services) =>
        new(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), services.GetService<PolicyProfile>() ?? ProfileLoader.LoadDefault());

    private static Command Sub(
        string name,
        string description,
        Func<IServiceProvider, Stream, string, (CoordinateDatum? Datum, bool AllowMovedBoundary), CancellationToken, Task<ImportReport>> import,
        bool needsDatum = false)
    {
        var command = new Command(name, description);
        var file = new Argument<string>("FILE") { Description = "The file to import." };
        var database = new ImportDatabase();
        var datum = new Option<string?>("--datum")
        {
            Description = "Datum of the coordinates: wgs84 or gcj02 (required; wenzhou_districts.geojson is gcj02).",
            Required = needsDatum,
        };
        var allowMoved = new Option<bool>("--allow-moved-boundary")
        {
            Description = "Accept boundaries that do not overlap the district's previous boundary (a district that really moved).",
        };
        var profilePath = new Option<string?>("--profile") { Description = "A policy profile JSON file to check sites against (default: the shipped wenzhou-2015 profile)." };
        command.Arguments.Add(file);
        database.AddTo(command);
        command.Options.Add(profilePath);
        if (needsDatum)
        {
            command.Options.Add(datum);
            command.Options.Add(allowMoved);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var storage = database.Resolve(parseResult, out var usageError, mustExist: true);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"{path}: no such file");
                return 2;
            }

            CoordinateDatum? coordinateDatum = null;
            if (needsDatum)
            {
                if (!CoordinateDatumNames.TryParse(parseResult.GetValue(datum), out var parsedDatum))
                {
                    await Console.Error.WriteLineAsync($"--datum '{parseResult.GetValue(datum)}': {CoordinateDatumNames.Expected}");
                    return 2;
                }

                coordinateDatum = parsedDatum;
            }

            Policy.PolicyProfile? profile = null;
            if (parseResult.GetValue(profilePath) is { } profileFile)
            {
                if (!File.Exists(profileFile))
                {
                    await Console.Error.WriteLineAsync($"{profileFile}: no such file");
                    return 2;
                }

                var loaded = Policy.ProfileLoader.LoadFile(profileFile);
                if (loaded.Profile is null)
                {
                    foreach (var error in loaded.Errors)
                    {
                        await Console.Error.WriteLineAsync(error.ToString());
                    }

                    return 1;
                }

                profile = loaded.Profile;
            }

            try
            {
                await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken, profile);
                await using var stream = File.OpenRead(path);
                var report = await import(services, stream, Path.GetFileName(path), (coordinateDatum, parseResult.GetValue(allowMoved)), cancellationToken);
                ImportReportView.Render(AnsiConsole.Console, Console.Out, report);
                if (report.Succeeded && (await services.GetRequiredService<DemoRegistry>().StatusAsync(cancellationToken)).Present)
                {
                    Console.WriteLine("The registry also holds the illustrative demo city beside these real records. Remove it with:");
                    Console.WriteLine("  " + DemoCommand.RemoveCommandLine(parseResult, database));
                }

                return report.Succeeded ? 0 : 1;
            }
            catch (System.Data.Common.DbException e)
            {
                // The database named by --db/--postgres cannot be opened or written: nothing was imported.
                await Console.Error.WriteLineAsync("The database could not be opened or written, nothing was imported: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
