namespace CitySort.Server.Tests;

/// <summary>The server on a fresh PostgreSQL database; missing when CITYSORT_TEST_POSTGRES is not set.</summary>
public sealed class PostgreSqlServerFixture : ServerFixture
{
    /// <inheritdoc />
    protected override async Task<(TestDatabase? Database, string? MissingReason)> CreateDatabaseAsync()
    {
        var database = await TestDatabase.PostgresAsync();
        return database is null
            ? (null, "PostgreSQL is not configured: set " + TestDatabase.PostgresVariable + " to a connection string (Npgsql syntax) of a role that may create databases")
            : (database, null);
    }
}
