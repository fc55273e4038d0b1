using CitySort.Policy;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Fills an empty registry with the deterministic demo city, its vehicle and line counts taken from the profile's
/// W96-T2 and W96-T3 splits.
/// </summary>
internal sealed class DemoSeeding(PolicyProfile profile, ServerOptions options, ILogger<DemoSeeding> logger)
{
    /// <summary>Seeds the demo city when the registry holds no site; does nothing otherwise.</summary>
    public Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        logger.LogWarning("The demo city generator is not available in this build; profile {Profile}, seed {Seed}: nothing seeded.", profile.Id, options.DemoSeed);
        return Task.CompletedTask;
    }
}
