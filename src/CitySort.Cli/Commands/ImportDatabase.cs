using System.CommandLine;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// The <c>--db PATH</c> and <c>--postgres CONNSTRING</c> options shared by <c>import</c>, <c>plan</c> and <c>migrate</c>.
/// Only <c>serve</c> and <c>migrate</c> create a database: <c>import</c> and <c>plan</c> name an existing one, so that a
/// mistyped path is said instead of silently starting an empty registry.
/// </summary>
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

    /// <summary>
    /// The storage the options name, or <c>null</c> with the reason when both are given or, with
    /// <paramref name="mustExist"/>, when the SQLite file does not exist (the caller exits 2, a usage error).
    /// </summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="usageError">The reason in Chinese and English when <c>null</c> is returned.</param>
    /// <param name="mustExist">True for commands that read or add to an existing registry (<c>import</c>, <c>plan</c>).</param>
    public StorageOptions? Resolve(ParseResult parseResult, out string? usageError, bool mustExist = false)
    {
        var db = parseResult.GetValue(Db);
        var postgres = parseResult.GetValue(Postgres);
        usageError = null;
        if (db is not null && postgres is not null)
        {
            usageError = "give either --db or --postgres, not both";
            return null;
        }

        if (postgres is not null)
        {
            return StorageOptions.ForPostgreSql(postgres);
        }

        var file = db ?? StorageOptions.DefaultSqliteFileName;
        if (mustExist && !File.Exists(file))
        {
            usageError = $"数据库文件 {file} 不存在：请检查 --db，或先用 citysort migrate --db {file} 创建。"
                + Environment.NewLine
                + $"The database file {file} does not exist: check --db, or create it first with citysort migrate --db {file} (or citysort serve).";
            return null;
        }

        return StorageOptions.ForSqliteFile(file);
    }

    /// <summary>Builds the services of the storage (with the policy profile when given) and migrates the database.</summary>
    public static async Task<ServiceProvider> OpenAsync(StorageOptions storage, CancellationToken cancellationToken, Policy.PolicyProfile? profile = null)
    {
        var collection = new ServiceCollection().AddCitySortStorage(storage);
        if (profile is not null)
        {
            collection.AddSingleton(profile);
        }

        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return services;
    }
}
