using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitySort.Storage;

/// <summary>
/// Applies CitySort's own versioned SQL scripts for the collection event store (events, de-duplication keys,
/// rejections, rollups) to the configured database, outside the EF model: the event tables are the ADO.NET hot path
/// (DESIGN.md, "Storage"). Scripts are embedded as <c>Storage/EventSchema/{provider}-NNN-name.sql</c>; each runs once,
/// in its own transaction, and is recorded in <c>collection_schema_versions</c>. Called by
/// <see cref="DatabaseMigrator"/> (server start, <c>citysort migrate</c>).
/// </summary>
/// <param name="options">The configured database.</param>
public sealed class EventSchemaMigrator(StorageOptions options)
{
    private const string ResourcePrefix = "CitySort.Storage.EventSchema.";

    /// <summary>Applies the scripts not yet applied.</summary>
    /// <param name="cancellationToken">Cancels between scripts.</param>
    /// <returns>The names of the scripts applied by this call, such as <c>collection-schema 001-events</c>.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var prefix = ResourcePrefix + (options.Provider == StorageProvider.PostgreSql ? "postgresql-" : "sqlite-");
        var assembly = typeof(EventSchemaMigrator).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        await using var connection = Open(options);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS collection_schema_versions (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken);
        var applied = new HashSet<int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT version FROM collection_schema_versions";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        var done = new List<string>();
        foreach (var resource in scripts)
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name[..3], CultureInfo.InvariantCulture);
            if (applied.Contains(version))
            {
                continue;
            }

            string sql;
            await using (var stream = assembly.GetManifestResourceStream(resource)!)
            using (var text = new StreamReader(stream))
            {
                sql = await text.ReadToEndAsync(cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO collection_schema_versions (version, name, applied_at) VALUES (@v, @n, @a)";
                Add(record, "@v", version);
                Add(record, "@n", name);
                Add(record, "@a", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            done.Add("collection-schema " + name);
        }

        return done;
    }

    /// <summary>A new, closed ADO.NET connection to the configured database.</summary>
    /// <param name="options">The database.</param>
    /// <returns>A SQLite or Npgsql connection.</returns>
    internal static DbConnection Open(StorageOptions options) => options.Provider == StorageProvider.PostgreSql
        ? new NpgsqlConnection(options.ConnectionString)
        : new SqliteConnection(options.ConnectionString);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
