namespace CitySort.Server.Tests;

/// <summary>The server on a temporary SQLite file.</summary>
public sealed class SqliteServerFixture : ServerFixture
{
    /// <inheritdoc />
    protected override Task<(TestDatabase? Database, string? MissingReason)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.Sqlite(), null));
}
