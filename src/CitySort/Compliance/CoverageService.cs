using CitySort.Policy;

namespace CitySort.Compliance;

/// <summary>
/// Sorted-collection coverage (分类收集覆盖面, W96-T1) of the registry as it is: the sites of the compliance index
/// (<see cref="SiteIndex"/>) with their bin-rule results, counted by <see cref="CoverageCalculator"/> under the
/// profile's definition of covered and its weighting.
/// </summary>
/// <param name="index">The compliance index.</param>
/// <param name="profile">The profile in force.</param>
public sealed class CoverageService(SiteIndex index, PolicyProfile profile)
{
    /// <summary>Coverage of the urban area, per site type, per district and area, and per district and site type, each against its target.</summary>
    /// <param name="cancellationToken">Cancels the read of the registry.</param>
    /// <returns>The report.</returns>
    public async Task<CoverageReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var snapshot = await index.GetAsync(cancellationToken);
        return CoverageCalculator.Compute(profile, snapshot.Sites.Select(s => new SiteCoverageInput(s.Facts, s.Compliance.IsCompliant)));
    }
}
