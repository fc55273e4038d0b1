using CitySort.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Runs before the server accepts requests: migrates the database (creating the SQLite file on first start) and,
/// when <see cref="ServerOptions.SeedDemo"/> is set and the registry is empty, fills it with the demo city.
/// </summary>
internal sealed class RegistryStartup(DatabaseMigrator migrator, DemoSeeding seeding, ServerOptions options, ILogger<RegistryStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("Database migrated: {Migrations}", string.Join(", ", applied));
        }

        if (options.SeedDemo)
        {
            await seeding.SeedIfEmptyAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
