using Microsoft.EntityFrameworkCore;

namespace CitySort.Storage;

/// <summary>
/// Creates the database on first start and applies the provider's pending migrations (STYLE.md, "Migrations"); a
/// SQLite file is switched to WAL mode, and the collection event store's own SQL scripts are applied
/// (<see cref="EventSchemaMigrator"/>). Called by the server on start and by <c>citysort migrate</c>.
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="options">The configured database.</param>
public sealed class DatabaseMigrator(IDbContextFactory<CitySortDbContext> contextFactory, StorageOptions options)
{
    /// <summary>Creates the database when absent and applies every pending migration.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The migrations applied by this call, in order (empty when the database was up to date).</returns>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateException">The database cannot be reached or written.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (options.Provider == StorageProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await context.Database.MigrateAsync(cancellationToken);
        if (options.Provider == StorageProvider.Sqlite && options.SqliteWriteAheadLog)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // The collection event store has its own versioned SQL, outside the EF model (the ADO.NET hot path).
        pending.AddRange(await new EventSchemaMigrator(options).MigrateAsync(cancellationToken));
        return pending;
    }
}
