using System.Threading.Channels;
using CitySort.Collection;
using CitySort.Storage;
using Microsoft.Data.Sqlite;

namespace CitySort.Cli.Commands;

/// <summary>
/// Writes a <see cref="KpiCityYear"/> into the event store through the store's own bulk path, one business day per
/// transaction together with the rollups it changes, as the intake's writer does (prepared INSERTs on SQLite, binary
/// COPY into monthly partitions on PostgreSQL; the rollups by <see cref="RollupDelta"/> and
/// <c>ApplyRollupsAsync</c>). The next days are generated while the current one is written.
/// </summary>
internal static class KpiBenchLoader
{
    /// <summary>Event counts written.</summary>
    /// <param name="Pickups">Pickups.</param>
    /// <param name="Tickets">Weigh tickets.</param>
    /// <param name="GpsFixes">GPS fixes.</param>
    internal readonly record struct Counts(long Pickups, long Tickets, long GpsFixes)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Pickups + b.Pickups, a.Tickets + b.Tickets, a.GpsFixes + b.GpsFixes);
    }

    /// <summary>Writes one layer of the year.</summary>
    /// <param name="storage">The database.</param>
    /// <param name="year">The generator.</param>
    /// <param name="layer">0 for the city-year with its GPS fixes, 1.. for each further multiple of pickups and tickets.</param>
    /// <param name="progress">Told after each day (days done, counts so far).</param>
    /// <param name="cancellationToken">Cancels between days (the day in progress rolls back).</param>
    public static async Task<Counts> WriteAsync(StorageOptions storage, KpiCityYear year, int layer, Action<int, Counts> progress, CancellationToken cancellationToken)
    {
        var store = new CollectionEventStore(storage);
        var days = Channel.CreateBounded<List<StoredEvent>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    // Days are generated on several threads (each day its own noise source) and written in order.
                    var pending = new Queue<Task<List<StoredEvent>>>();
                    foreach (var day in KpiCityYear.Days())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        pending.Enqueue(Task.Run(() => year.Day(day, layer), cancellationToken));
                        if (pending.Count >= Math.Max(2, Environment.ProcessorCount))
                        {
                            await days.Writer.WriteAsync(await pending.Dequeue(), cancellationToken);
                        }
                    }

                    while (pending.Count > 0)
                    {
                        await days.Writer.WriteAsync(await pending.Dequeue(), cancellationToken);
                    }

                    days.Writer.Complete();
                }
                catch (Exception e)
                {
                    days.Writer.Complete(e);
                }
            },
            cancellationToken);

        var counts = default(Counts);
        var done = 0;
        var receivedAt = DateTimeOffset.UtcNow;
        await foreach (var events in days.Reader.ReadAllAsync(cancellationToken))
        {
            var delta = new RollupDelta();
            long pickups = 0, tickets = 0, fixes = 0;
            foreach (var e in events)
            {
                delta.Add(e);
                switch (e.Event.Kind)
                {
                    case EventKind.Pickup:
                        pickups++;
                        break;
                    case EventKind.WeighTicket:
                        tickets++;
                        break;
                    case EventKind.GpsFix:
                        fixes++;
                        break;
                }
            }

            var (connection, transaction) = await store.BeginAsync(cancellationToken);
            await using (connection)
            await using (transaction)
            {
                if (connection is SqliteConnection)
                {
                    // A larger page cache for the year's bulk load; the statements are the store's own.
                    await using var pragma = connection.CreateCommand();
                    pragma.Transaction = transaction;
                    pragma.CommandText = "PRAGMA cache_size = -262144";
                    await pragma.ExecuteNonQueryAsync(cancellationToken);
                }

                await store.InsertEventsAsync(transaction, events, receivedAt, keysWritten: false, cancellationToken);
                await store.ApplyRollupsAsync(transaction, delta, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            counts += new Counts(pickups, tickets, fixes);
            progress(++done, counts);
        }

        await producer;
        return counts;
    }
}
