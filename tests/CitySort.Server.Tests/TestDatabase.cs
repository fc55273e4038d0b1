using CitySort.Storage;
using CitySort.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitySort.Server.Tests;

/// <summary>
/// A database of its own for one test class: a SQLite file in a fresh temporary folder, or a fresh PostgreSQL
/// database on the server that <c>CITYSORT_TEST_POSTGRES</c> names (dropped again on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable with the PostgreSQL connection string for tests (Npgsql syntax).</summary>
    public const string PostgresVariable = "CITYSORT_TEST_POSTGRES";

    private readonly Func<ValueTask> _drop;

    private TestDatabase(StorageOptions storage, Func<ValueTask> drop)
    {
        Storage = storage;
        _drop = drop;
    }

    /// <summary>Where the test's data lives.</summary>
    public StorageOptions Storage { get; }

    /// <summary>A new SQLite file in a new temporary folder.</summary>
    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("citysort-test-");
        var storage = StorageOptions.ForSqliteFile(Path.Combine(folder.FullName, "citysort.db"));
        return new TestDatabase(storage, () =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere: the temporary folder is left for the system to clear.
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// A new, empty PostgreSQL database, or null when <c>CITYSORT_TEST_POSTGRES</c> is not set (the caller then skips
    /// with <see cref="Requires.Missing"/>).
    /// </summary>
    public static async Task<TestDatabase?> PostgresAsync(CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        // CREATE and DROP DATABASE run on the maintenance database, so the database the variable names need not exist.
        server = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
        var name = "citysort_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand("CREATE DATABASE " + name, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var storage = StorageOptions.ForPostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        return new TestDatabase(storage, () => new ValueTask(PostgresTestDatabases.DropAsync(server, name)));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _drop();
}
