using CitySort.Registry;

namespace CitySort.Assessment;

/// <summary>
/// One coverage figure of the public progress page (W96-A1): the share of a district or area, for all site types or
/// one, with the W96-T1 target it is compared with. Counts only; no site is named.
/// </summary>
/// <param name="SiteType">The site type, or null for all site types together.</param>
/// <param name="Share">Covered share (0–1) as the profile weighs it, or null when the scope has no sites of the kind.</param>
/// <param name="CoveredSiteCount">Sites counted as covered.</param>
/// <param name="SiteCount">Sites counted.</param>
/// <param name="TargetId">The W96-T1 target compared with (e.g. <c>W96-T1.compounds</c>), or null.</param>
/// <param name="TargetClause">The target's clause id (<c>W96-T1</c>), or null.</param>
/// <param name="TargetShare">The target's least share (0–1), or null.</param>
/// <param name="TargetDue">The target's due date, or null.</param>
/// <param name="Met">Whether the share reaches the target; null when either is missing.</param>
public sealed record PublicCoverage(
    SiteType? SiteType,
    decimal? Share,
    int CoveredSiteCount,
    int SiteCount,
    string? TargetId,
    string? TargetClause,
    decimal? TargetShare,
    DateOnly? TargetDue,
    bool? Met);
