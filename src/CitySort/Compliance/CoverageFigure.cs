using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// One sorted-collection coverage figure (分类收集覆盖面, W96-T1): for a scope (urban area, district or area) and
/// either one site type or all of them, the weighted covered part over the weighted whole, and the W96-T1 target it
/// is compared with.
/// </summary>
/// <param name="ScopeKind">Urban area, district or area.</param>
/// <param name="ScopeCode">District code or area id; null for the urban area.</param>
/// <param name="ScopeName">The scope's name when the profile knows it.</param>
/// <param name="SiteType">The site type, or null for all site types together.</param>
/// <param name="Weighting">The weighting used (setting <c>coverageWeighting</c>): households, staff or site count for a
/// site type; site count or the mean of the site types' shares for all together.</param>
/// <param name="Numerator">Weighted covered part (households, staff or sites covered; for a mean of site types, the sum of their shares).</param>
/// <param name="Denominator">Weighted whole (households, staff or sites; for a mean of site types, the number of site types with sites).</param>
/// <param name="SiteCount">Number of sites counted.</param>
/// <param name="CoveredSiteCount">Number of those sites that are covered.</param>
/// <param name="Share">Numerator ÷ denominator (0–1), or null when the denominator is 0.</param>
/// <param name="TargetId">The W96-T1 target compared with (e.g. <c>W96-T1.compounds</c>), or null when no part of W96-T1 is about this site type.</param>
/// <param name="TargetClause">The target's clause, <c>W96-T1</c>, or null.</param>
/// <param name="TargetShare">The target's least share (0.5, 0.45, or the essentially-all threshold), or null.</param>
/// <param name="TargetDue">The target's due date (2015-12-31), or null.</param>
/// <param name="Met">Whether <see cref="Share"/> reaches <see cref="TargetShare"/>; null when either is missing.</param>
public sealed record CoverageFigure(
    CoverageScopeKind ScopeKind,
    string? ScopeCode,
    LocalizedText? ScopeName,
    SiteType? SiteType,
    CoverageWeighting Weighting,
    decimal Numerator,
    decimal Denominator,
    int SiteCount,
    int CoveredSiteCount,
    decimal? Share,
    string? TargetId,
    string? TargetClause,
    decimal? TargetShare,
    DateOnly? TargetDue,
    bool? Met);
