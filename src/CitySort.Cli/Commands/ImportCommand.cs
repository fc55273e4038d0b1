using System.CommandLine;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Collection.Files;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Storage;
using CitySort.Registry;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort import divisions|communities|sites|boundaries|tickets|pickups FILE [--db PATH] [--postgres CONNSTRING]
/// [--profile FILE]</c> (boundaries also <c>--datum wgs84|gcj02</c> and <c>--allow-moved-boundary</c>; tickets and
/// pickups also <c>--device ID</c>): imports one file all-or-nothing into an existing database and prints the report.
/// Sites are checked against the profile (default: the shipped one). Tickets and pickups go through the event intake,
/// for the registered device named by <c>--device</c> or else the office account. Exit 0 on success, 1 when the file
/// or the profile is invalid (nothing written; every problem printed as file:line:column: reason), 2 on usage errors
/// (a missing file or database). Formats: docs/formats.md.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Creates the command with its four subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("import", "Import a divisions, communities, sites or boundaries file into the registry, or a weigh tickets or pickups file through the event intake (all-or-nothing).");
        command.Subcommands.Add(Sub("divisions", "Township-level divisions CSV (format of wenzhou_streets.csv).",
            (service, stream, name, _, ct) => service.ImportDivisionsAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("communities", "Village-level divisions CSV (format of wenzhou_communities.csv).",
            (service, stream, name, _, ct) => service.ImportCommunitiesAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("sites", "Sites CSV with their bins (docs/formats.md).",
            (service, stream, name, _, ct) => service.ImportSitesAsync(stream, name, ct)));
        command.Subcommands.Add(Sub("boundaries", "District boundaries GeoJSON; --datum says which datum its coordinates are in.",
            (service, stream, name, options, ct) => service.ImportBoundariesAsync(stream, name, options.Datum!.Value, options.AllowMovedBoundary, ct), needsDatum: true));
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

    private static Command Sub(
        string name,
        string description,
        Func<ImportService, Stream, string, (CoordinateDatum? Datum, bool AllowMovedBoundary), CancellationToken, Task<ImportReport>> import,
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
                var report = await import(services.GetRequiredService<ImportService>(), stream, Path.GetFileName(path), (coordinateDatum, parseResult.GetValue(allowMoved)), cancellationToken);
                ImportReportView.Render(AnsiConsole.Console, Console.Out, report);
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
