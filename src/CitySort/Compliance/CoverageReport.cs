using CitySort.Policy;

namespace CitySort.Compliance;

/// <summary>
/// Sorted-collection coverage (W96-T1) of a set of sites: overall for the urban area, per site type, per district, per
/// profile area (e.g. the development zone), and per district or area and site type; each figure with its weighting
/// and the W96-T1 target it is compared with. Also the wet/dry pilot check per urban district (W96-B1).
/// </summary>
/// <param name="ProfileId">The profile used.</param>
/// <param name="ProfileVersion">That profile's version.</param>
/// <param name="Covered">What "covered" meant (setting <c>covered</c>).</param>
/// <param name="Overall">All in-scope sites, all site types, by the overall weighting, against <c>W96-T1.overall</c>.</param>
/// <param name="BySiteType">In-scope sites per site type, each by its type's weighting.</param>
/// <param name="ByDistrict">Per district code (as the registry holds it), all site types.</param>
/// <param name="ByDistrictAndSiteType">Per district code and site type.</param>
/// <param name="ByArea">Per profile area in scope, all site types.</param>
/// <param name="ByAreaAndSiteType">Per profile area in scope and site type.</param>
/// <param name="WetDryPilots">The pilot check of every urban district.</param>
/// <param name="OutOfScopeSiteCodes">Sites outside the profile's urban area, left out of every figure.</param>
public sealed record CoverageReport(
    string ProfileId,
    string ProfileVersion,
    CoveredDefinition Covered,
    CoverageFigure Overall,
    IReadOnlyList<CoverageFigure> BySiteType,
    IReadOnlyList<CoverageFigure> ByDistrict,
    IReadOnlyList<CoverageFigure> ByDistrictAndSiteType,
    IReadOnlyList<CoverageFigure> ByArea,
    IReadOnlyList<CoverageFigure> ByAreaAndSiteType,
    IReadOnlyList<WetDryPilotCheck> WetDryPilots,
    IReadOnlyList<string> OutOfScopeSiteCodes);
