using System.CommandLine;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>The <c>--db PATH</c> and <c>--postgres CONNSTRING</c> options shared by <c>import</c> and <c>migrate</c>.</summary>
internal sealed class ImportDatabase
{
    /// <summary>The SQLite file (default <c>citysort.db</c> in the working directory).</summary>
    public Option<string?> Db { get; } = new("--db") { Description = "SQLite database file (default: citysort.db in the working directory)." };

    /// <summary>A PostgreSQL connection string, instead of the SQLite file.</summary>
    public Option<string?> Postgres { get; } = new("--postgres") { Description = "PostgreSQL connection string (Npgsql syntax), instead of the SQLite file." };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Postgres);
    }

    /// <summary>The storage the options name, or <c>null</c> with the reason when both are given.</summary>
    public StorageOptions? Resolve(ParseResult parseResult, out string? usageError)
    {
        var db = parseResult.GetValue(Db);
        var postgres = parseResult.GetValue(Postgres);
        usageError = null;
        if (db is not null && postgres is not null)
        {
            usageError = "give either --db or --postgres, not both";
            return null;
        }

        return postgres is not null ? StorageOptions.ForPostgreSql(postgres) : StorageOptions.ForSqliteFile(db ?? StorageOptions.DefaultSqliteFileName);
    }

    /// <summary>Builds the services of the storage and migrates the database.</summary>
    public static async Task<ServiceProvider> OpenAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddCitySortStorage(storage).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return services;
    }
}
