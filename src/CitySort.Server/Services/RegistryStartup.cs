using System.Diagnostics;
using CitySort.Demo;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Migrates the database before the server accepts requests (creating the SQLite file on first start); then, when
/// <see cref="ServerOptions.SeedDemo"/> is set and the registry is empty, fills it with the demo city of the profile
/// (<see cref="DemoCitySeeder.SeedIfEmptyAsync(PolicyProfile, int, CancellationToken)"/>, the same city as
/// <c>citysort plan --demo</c>) in the background, so the dashboard is served at once and the API answers once the city is there
/// (<see cref="RegistryReadiness"/>).
/// </summary>
internal sealed class RegistryStartup(
    DatabaseMigrator migrator, ProfileVersionStore profileVersions, DemoCitySeeder seeder, PolicyProfile profile, RegistryReadiness readiness, ServerOptions options, ILogger<RegistryStartup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _seeding = Task.CompletedTask;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("Database migrated: {Migrations}", string.Join(", ", applied));
        }

        // The profile in force is kept with its file, and a change of it is recorded in the audit trail.
        var source = options.ProfilePath is { } path
            ? await File.ReadAllTextAsync(path, cancellationToken)
            : options.Profile is null ? ProfileLoader.ReadEmbeddedText() : null;
        await profileVersions.ActivateAsync(profile, source, cancellationToken);

        if (!options.SeedDemo)
        {
            readiness.MarkReady();
            return;
        }

        _seeding = Task.Run(() => SeedAsync(_stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _seeding.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var result = await seeder.SeedIfEmptyAsync(profile, options.DemoSeed, cancellationToken);
            if (result.Seeded)
            {
                logger.LogInformation(
                    "Illustrative demo city seeded (seed {Seed}): {Sites} sites, {Facilities} facilities, {Vehicles} vehicles, {Lines} dedicated lines in {Seconds:0.0} s; remove it with 'citysort demo remove'",
                    options.DemoSeed, result.Sites, result.Facilities, result.Vehicles, result.DedicatedLines, watch.Elapsed.TotalSeconds);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while seeding: the seeder's transaction is rolled back, the next start seeds again.
        }
#pragma warning disable CA1031 // A failed demo seeding must not take the server down; the registry stays usable and empty.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "The demo city could not be seeded; the registry stays as it is.");
        }
        finally
        {
            readiness.MarkReady();
        }
    }
}
