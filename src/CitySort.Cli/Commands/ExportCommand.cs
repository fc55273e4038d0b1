using System.CommandLine;
using CitySort.Exports;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort export TABLE --format csv|xlsx --out FILE [--db PATH | --postgres CONNSTRING]</c>: writes a registry
/// table or the coverage or gap list as CSV or as an Excel workbook (docs/formats.md, "Exports"), coverage and gaps
/// computed with the shipped profile. Exit 0 on success, 1 when the database cannot be read, 2 on usage errors
/// (unknown table or format, a SQLite file that does not exist).
/// </summary>
internal static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("export", "Export a registry table, the coverage or the gap list as CSV or Excel.");
        var table = new Argument<string>("TABLE") { Description = "One of " + string.Join(", ", RegistryExporter.Tables) + "." };
        var format = new Option<string>("--format") { Description = "csv or xlsx (default csv).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var database = new ImportDatabase();
        command.Arguments.Add(table);
        command.Options.Add(format);
        command.Options.Add(output);
        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = parseResult.GetValue(table)!;
            if (!RegistryExporter.Tables.Contains(name.Trim().ToLowerInvariant(), StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync($"'{name}' is not a table: use {string.Join(", ", RegistryExporter.Tables)}");
                return 2;
            }

            var storage = database.Resolve(parseResult, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            if (parseResult.GetValue(database.Postgres) is null)
            {
                var file = parseResult.GetValue(database.Db) ?? StorageOptions.DefaultSqliteFileName;
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"{file}: no such database file (give the one serve or import uses with --db PATH)");
                    return 2;
                }
            }

            var kind = parseResult.GetValue(format) == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
            var path = parseResult.GetValue(output)!;
            try
            {
                await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
                var exporter = new RegistryExporter(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), ProfileLoader.LoadDefault());
                var content = (await exporter.ReadAsync(name, cancellationToken))!;
                await using (var file = File.Create(path))
                {
                    await ExportWriter.WriteAsync(content, kind, file, cancellationToken);
                }

                Console.WriteLine($"Wrote {content.Rows.Count} row(s) of {content.Name} to {path}.");
                return 0;
            }
            catch (System.Data.Common.DbException e)
            {
                await Console.Error.WriteLineAsync("The database could not be read: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
