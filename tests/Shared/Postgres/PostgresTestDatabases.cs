using Npgsql;

namespace CitySort.Testing;

/// <summary>
/// Drops the throw-away PostgreSQL databases the tests create. Compiled only into the test projects that set
/// <c>CitySortTestsUsePostgres</c> (tests/Directory.Build.props), since it needs Npgsql.
/// </summary>
public static class PostgresTestDatabases
{
    /// <summary>
    /// Drops <paramref name="database"/> with <c>WITH (FORCE)</c> over a connection to <paramref name="maintenanceConnectionString"/>,
    /// retrying for up to 30 s while PostgreSQL refuses it for a passing reason: 42501 (an autovacuum worker of the
    /// superuser is in the database) or 55006 (the database is still in use by a session being terminated).
    /// </summary>
    /// <param name="maintenanceConnectionString">An Npgsql connection string to another database of the same server.</param>
    /// <param name="database">The name of the database to drop; it may not exist.</param>
    /// <returns>A task that ends when the database is gone.</returns>
    public static async Task DropAsync(string maintenanceConnectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await Eventually.RunAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(maintenanceConnectionString);
                await connection.OpenAsync(CancellationToken.None);
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            },
            e => e is PostgresException { SqlState: "42501" or "55006" },
            TimeSpan.FromSeconds(30));
    }
}
