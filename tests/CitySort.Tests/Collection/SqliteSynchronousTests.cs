using CitySort.Storage;
using CitySort.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace CitySort.Tests.Collection;

/// <summary>
/// The SQLite sync setting of the intake's transactions (docs/events.md, "How SQLite commits reach the disk"): FULL
/// unless the operator chose NORMAL, read back from the connection the store's batch transaction runs on.
/// </summary>
public sealed class SqliteSynchronousTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>SQLite's <c>PRAGMA synchronous</c> on the connection of a batch transaction begun by the store.</summary>
    private static async Task<long> SynchronousOfABatchAsync(StorageOptions options)
    {
        await new EventSchemaMigrator(options).MigrateAsync(Ct);
        var (connection, transaction) = await new CollectionEventStore(options).BeginAsync(Ct);
        await using (connection)
        await using (transaction)
        {
            await using var read = ((SqliteConnection)connection).CreateCommand();
            read.Transaction = (SqliteTransaction)transaction;
            read.CommandText = "PRAGMA synchronous;";
            return (long)(await read.ExecuteScalarAsync(Ct))!;
        }
    }

    [Fact]
    public async Task The_intake_commits_with_synchronous_FULL_by_default_and_NORMAL_only_when_chosen()
    {
        await using var database = await TestDatabase.SqliteAsync();

        // SQLite's codes: 1 = NORMAL, 2 = FULL (https://sqlite.org/pragma.html#pragma_synchronous).
        Assert.Equal(SqliteSynchronous.Full, database.Options.SqliteSynchronous);
        Assert.Equal(2L, await SynchronousOfABatchAsync(database.Options));
        Assert.Equal(1L, await SynchronousOfABatchAsync(database.Options with { SqliteSynchronous = SqliteSynchronous.Normal }));
        // A pooled connection that ran NORMAL is set back to FULL by the next default store.
        Assert.Equal(2L, await SynchronousOfABatchAsync(database.Options));
    }
}
