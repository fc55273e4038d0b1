using System.CommandLine;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort rebuild [--db PATH] [--postgres CONNSTRING]</c>: drops the collection rollups and rebuilds them from the
/// raw events (DESIGN.md, "Reads never scan raw events"), in one transaction, with a progress bar. Exit 0 on success,
/// 1 when the database cannot be opened or written, 2 on usage errors.
/// </summary>
internal static class RebuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("rebuild", "Drop the collection rollups and rebuild them from the stored events.");
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
            try
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                var store = new CollectionEventStore(storage);
                long events = 0;
                await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Rebuilding rollups / 重建汇总", maxValue: 1);
                        var progress = new Progress<(long Done, long Total)>(p =>
                        {
                            task.MaxValue = Math.Max(p.Total, 1);
                            task.Value = p.Done;
                        });
                        events = await store.RebuildRollupsAsync(progress, cancellationToken);
                        task.MaxValue = Math.Max(events, 1);
                        task.Value = task.MaxValue;
                    });
                Console.WriteLine($"Rebuilt the rollups from {events} pickup and ticket event(s).");
                return 0;
            }
            catch (System.Data.Common.DbException e)
            {
                await Console.Error.WriteLineAsync("The database could not be opened or written: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
