using CitySort.Demo;
using CitySort.Imports;
using CitySort.Storage;
using CitySort.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CitySort.Tests.Storage;

/// <summary>
/// A migrated database of its own for one test: a SQLite file in a temporary folder, or a fresh PostgreSQL database
/// on the server named by CITYSORT_TEST_POSTGRES (created and dropped by the test; the role needs CREATEDB).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the PostgreSQL connection string of the tests.</summary>
    public const string PostgresVariable = "CITYSORT_TEST_POSTGRES";

    private readonly ServiceProvider services;
    private readonly string? folder;
    private readonly (string Admin, string Database)? postgres;

    private TestDatabase(StorageOptions options, string? folder, (string, string)? postgres)
    {
        Options = options;
        this.folder = folder;
        this.postgres = postgres;
        services = new ServiceCollection().AddCitySortStorage(options).BuildServiceProvider();
    }

    /// <summary>The storage options of the database.</summary>
    public StorageOptions Options { get; }

    /// <summary>The import service over the database.</summary>
    public ImportService Imports => services.GetRequiredService<ImportService>();

    /// <summary>An import service over the database that checks sites against <paramref name="profile"/>.</summary>
    public ImportService ImportsWith(CitySort.Policy.PolicyProfile profile) =>
        new(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), profile);

    /// <summary>The demo seeder over the database.</summary>
    public DemoCitySeeder Seeder => services.GetRequiredService<DemoCitySeeder>();

    /// <summary>The device registry over the database.</summary>
    public CitySort.Collection.Devices.DeviceService Devices => services.GetRequiredService<CitySort.Collection.Devices.DeviceService>();
    /// <summary>The demo registry (status and removal) over the database.</summary>
    public DemoRegistry Demo => services.GetRequiredService<DemoRegistry>();

    /// <summary>The facilities, haulers, vehicles and lines imports over the database, with the shipped profile.</summary>
    public FleetImportService Fleet => new(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), global::CitySort.Policy.ProfileLoader.LoadDefault());

    /// <summary>The exports over the database, with the shipped profile.</summary>
    public global::CitySort.Exports.RegistryExporter Exporter => new(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), global::CitySort.Policy.ProfileLoader.LoadDefault());

    /// <summary>The context factory of the database (what the services take).</summary>
    public IDbContextFactory<CitySortDbContext> ContextFactory => services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();

    /// <summary>The audit trail's reader over the database.</summary>
    public global::CitySort.Audit.AuditLog Audit => services.GetRequiredService<global::CitySort.Audit.AuditLog>();

    /// <summary>The audit trail's explicit recorder over the database.</summary>
    public global::CitySort.Audit.AuditRecorder AuditRecorder => services.GetRequiredService<global::CitySort.Audit.AuditRecorder>();

    /// <summary>The migrator of the database.</summary>
    public DatabaseMigrator Migrator => services.GetRequiredService<DatabaseMigrator>();

    /// <summary>A new SQLite file database, migrated.</summary>
    public static async Task<TestDatabase> SqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "citysort-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new TestDatabase(StorageOptions.ForSqliteFile(Path.Combine(folder, "citysort.db")), folder, null);
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>A new PostgreSQL database, migrated; skips the test when CITYSORT_TEST_POSTGRES is unset.</summary>
    public static async Task<TestDatabase> PostgreSqlAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Requires.Missing($"PostgreSQL: set {PostgresVariable} to an Npgsql connection string of a role that may create databases");
        }

        // CREATE/DROP DATABASE run on the maintenance database, so the database the variable names need not exist.
        admin = new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString;
        var name = "citysort_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        var db = new TestDatabase(StorageOptions.ForPostgreSql(builder.ConnectionString), null, (admin!, name));
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>A new context over the database.</summary>
    public CitySortDbContext Context() => services.GetRequiredService<IDbContextFactory<CitySortDbContext>>().CreateDbContext();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }

        if (postgres is { } pg)
        {
            await PostgresTestDatabases.DropAsync(pg.Admin, pg.Database);
        }
    }
}
