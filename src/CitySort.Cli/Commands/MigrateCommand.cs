using System.CommandLine;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort migrate [--db PATH] [--postgres CONNSTRING]</c>: creates the database if absent and applies the pending
/// migrations of its provider (STYLE.md, "Migrations"). Exit 0 on success, 1 when the database cannot be opened or migrated, 2 on usage errors.
/// </summary>
internal static class MigrateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database if absent and apply its pending migrations.");
        var database = new ImportDatabase();
        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var storage = database.Resolve(parseResult, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            await using var services = new ServiceCollection().AddCitySortStorage(storage).BuildServiceProvider();
            IReadOnlyList<string> applied;
            try
            {
                applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }
            catch (System.Data.Common.DbException e)
            {
                await Console.Error.WriteLineAsync("The database could not be opened or migrated: " + e.Message);
                return 1;
            }

            Console.WriteLine(applied.Count == 0
                ? "The database is up to date."
                : "Applied " + applied.Count + " migration(s): " + string.Join(", ", applied));
            return 0;
        });
        return command;
    }
}
