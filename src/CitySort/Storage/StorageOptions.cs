using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Storage;

/// <summary>
/// Which database the registry lives in: the provider and its connection string. Each provider has its own migrations
/// assembly (<see cref="SqliteMigrationsAssembly"/>, <see cref="PostgreSqlMigrationsAssembly"/>; STYLE.md, "Migrations").
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The name of the assembly holding the SQLite migrations.</summary>
    public const string SqliteMigrationsAssembly = "CitySort.Migrations.Sqlite";

    /// <summary>The name of the assembly holding the PostgreSQL migrations.</summary>
    public const string PostgreSqlMigrationsAssembly = "CitySort.Migrations.PostgreSql";

    /// <summary>The file name of the embedded default database, in the working directory.</summary>
    public const string DefaultSqliteFileName = "citysort.db";

    /// <summary>The database engine.</summary>
    public required StorageProvider Provider { get; init; }

    /// <summary>The ADO.NET connection string (Microsoft.Data.Sqlite or Npgsql syntax).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>True to switch a SQLite database to write-ahead logging (WAL) when it is migrated.</summary>
    public bool SqliteWriteAheadLog { get; init; }

    /// <summary>
    /// How the event store's SQLite commits are synced to disk (<see cref="Storage.SqliteSynchronous"/>; default
    /// <see cref="SqliteSynchronous.Full"/>, durable against power loss). Ignored on PostgreSQL.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>Options for a SQLite file at <paramref name="path"/> (created on first migration), in WAL mode.</summary>
    /// <param name="path">Path of the database file, absolute or relative to the working directory.</param>
    public static StorageOptions ForSqliteFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), ForeignKeys = true };
        return new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = builder.ToString(), SqliteWriteAheadLog = true };
    }

    /// <summary>Options for a PostgreSQL database given by an Npgsql connection string.</summary>
    /// <param name="connectionString">For example <c>Host=127.0.0.1;Username=citysort;Password=...;Database=citysort</c>.</param>
    public static StorageOptions ForPostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString };
    }

    /// <summary>Configures an EF Core options builder for this provider, its connection and its migrations assembly.</summary>
    /// <param name="builder">The builder of <see cref="CitySortDbContext"/> options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InvalidOperationException">The provider is not one of <see cref="StorageProvider"/>.</exception>
    public DbContextOptionsBuilder ApplyTo(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Provider switch
        {
            StorageProvider.Sqlite => builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            StorageProvider.PostgreSql => builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown storage provider {Provider}."),
        };
    }
}
