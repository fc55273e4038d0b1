using System.CommandLine;
using CitySort.Demo;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort demo status|remove [--db PATH | --postgres CONNSTRING]</c>: says how many illustrative (demo) records the
/// registry holds, or removes every one of them in one transaction, leaving only the real records (DESIGN.md,
/// "Illustrative is marked"). Exit 0 on success, 1 when a real record still refers to a demo one (nothing removed; the
/// reasons printed) or the database cannot be opened, 2 on usage errors (both options, a SQLite file that does not exist).
/// </summary>
internal static class DemoCommand
{
    /// <summary>Creates the command with its two subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "The illustrative demo city: show what of it the registry holds, or remove it.");
        command.Subcommands.Add(Sub("status", "Count the illustrative records per table.", async (demo, ct) =>
        {
            Print(await demo.StatusAsync(ct));
            return 0;
        }));
        command.Subcommands.Add(Sub("remove", "Remove every illustrative record in one transaction, leaving only the real ones.", async (demo, ct) =>
        {
            var removal = await demo.RemoveAsync(ct);
            if (!removal.Succeeded)
            {
                await Console.Error.WriteLineAsync("The demo city was not removed: real records still refer to it.");
                foreach (var blocker in removal.Blockers)
                {
                    await Console.Error.WriteLineAsync("  " + blocker);
                }

                return 1;
            }

            Console.WriteLine("Removed the illustrative demo city:");
            Print(removal.Removed);
            if (removal.Adopted > 0)
            {
                Console.WriteLine($"Kept {removal.Adopted} demo district(s) or street(s) as real: real records lie in them (their codes and names are real).");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The <c>citysort demo remove</c> command line for the database that <paramref name="database"/> names in <paramref name="parseResult"/>.</summary>
    public static string RemoveCommandLine(ParseResult parseResult, ImportDatabase database)
    {
        if (parseResult.GetValue(database.Postgres) is not null)
        {
            return "citysort demo remove --postgres CONNSTRING";
        }

        return parseResult.GetValue(database.Db) is { } db ? "citysort demo remove --db " + Quote(db) : "citysort demo remove";
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;

    private static void Print(DemoStatus status)
    {
        Console.WriteLine($"  districts {status.Districts}, streets {status.Streets}, communities {status.Communities}, sites {status.Sites}");
        Console.WriteLine($"  facilities {status.Facilities}, haulers {status.Haulers}, vehicles {status.Vehicles}, dedicated lines {status.DedicatedLines}");
        Console.WriteLine($"  plans {status.DailyPlans}, illustrative district boundaries {status.IllustrativeBoundaries}");
    }

    private static Command Sub(string name, string description, Func<DemoRegistry, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description);
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

            // Only serve and migrate create a database: a mistyped path is said, not created.
            if (storage.Provider == StorageProvider.Sqlite && parseResult.GetValue(database.Postgres) is null)
            {
                var file = parseResult.GetValue(database.Db) ?? StorageOptions.DefaultSqliteFileName;
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"{file}: no such database file (give the one serve or import uses with --db PATH)");
                    return 2;
                }
            }

            try
            {
                await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
                return await run(services.GetRequiredService<DemoRegistry>(), cancellationToken);
            }
            catch (System.Data.Common.DbException e)
            {
                await Console.Error.WriteLineAsync("The database could not be opened or written, nothing was removed: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
