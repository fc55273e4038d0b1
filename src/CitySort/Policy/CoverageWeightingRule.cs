using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>The coverage weighting per site type and overall (setting <c>coverageWeighting</c>, W96-T1).</summary>
/// <param name="BySiteType">Weighting of each site type (every site type has one; never <see cref="CoverageWeighting.SiteTypeMean"/>).</param>
/// <param name="Overall">Weighting of an overall figure over all site types (<see cref="CoverageWeighting.SiteCount"/> or <see cref="CoverageWeighting.SiteTypeMean"/>).</param>
public sealed record CoverageWeightingRule(IReadOnlyDictionary<SiteType, CoverageWeighting> BySiteType, CoverageWeighting Overall)
{
    /// <summary>The weighting of <paramref name="siteType"/>; site count when the profile states none.</summary>
    /// <param name="siteType">The site type.</param>
    /// <returns>Its weighting.</returns>
    public CoverageWeighting For(SiteType siteType) =>
        BySiteType.TryGetValue(siteType, out var w) ? w : CoverageWeighting.SiteCount;
}
