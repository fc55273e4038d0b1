using CitySort.Policy;
using CitySort.Security;

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
    public Task<CoverageReport> ComputeAsync(CancellationToken cancellationToken) => ComputeAsync(AccessScope.City, cancellationToken);

    /// <summary>
    /// Coverage of the sites within <paramref name="scope"/>: for a district officer, the urban area is the officer's
    /// districts alone (their overall share, site types, districts and areas), so that no other district's site counts.
    /// </summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="cancellationToken">Cancels the read of the registry.</param>
    /// <returns>The report.</returns>
    public async Task<CoverageReport> ComputeAsync(AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var snapshot = await index.GetAsync(cancellationToken);
        return CoverageCalculator.Compute(profile, snapshot.Sites.Where(s => scope.Allows(s.Site.DistrictCode)).Select(s => new SiteCoverageInput(s.Facts, s.Compliance.IsCompliant)));
    }
}
