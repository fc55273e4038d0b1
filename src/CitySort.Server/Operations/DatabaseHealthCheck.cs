using CitySort.Server.Services;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CitySort.Server.Operations;

/// <summary>
/// Readiness of the database (issue 12, item 7): healthy when a connection to the configured store (SQLite file or
/// PostgreSQL) opens and the registry has been migrated and seeded; unhealthy with the reason otherwise.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CitySortDbContext> contexts, RegistryReadiness readiness) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.Ready.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy("The registry is still being migrated or seeded.");
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + e.Message);
        }
    }
}
