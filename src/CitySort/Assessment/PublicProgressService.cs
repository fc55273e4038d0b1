using CitySort.Compliance;
using CitySort.Policy;

namespace CitySort.Assessment;

/// <summary>The public progress page (W96-A1) of the registry as it is: <see cref="PublicProgressBuilder"/> over the compliance index.</summary>
/// <param name="index">The compliance index.</param>
/// <param name="profile">The profile in force.</param>
public sealed class PublicProgressService(SiteIndex index, PolicyProfile profile)
{
    /// <summary>Computes the page's figures.</summary>
    /// <param name="cancellationToken">Cancels the read of the registry.</param>
    /// <returns>Per district the coverage and the targets, and the city's targets.</returns>
    public async Task<PublicProgress> ComputeAsync(CancellationToken cancellationToken) =>
        PublicProgressBuilder.Build(profile, await index.GetAsync(cancellationToken));
}
