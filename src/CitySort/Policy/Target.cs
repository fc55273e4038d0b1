using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>
/// A target of the plan (W96-T1..T7) with its due date and scope. Which optional fields are set depends on
/// <see cref="Kind"/>: shares for coverage and rates, total and splits for vehicles and lines, period, baseline and
/// reduction share for tonnage reduction.
/// </summary>
/// <param name="Id">Profile id, unique, e.g. <c>W96-T1.compounds</c>.</param>
/// <param name="Clause">The clause, e.g. <c>W96-T1</c>.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Due">The day by which it is due.</param>
/// <param name="Period">The period measured (calendar-year targets), or null.</param>
/// <param name="SiteTypes">The site types it is about; empty for the whole urban area.</param>
/// <param name="MinShare">Least share (0–1) for shares; when <see cref="EssentiallyAll"/> it is the profile's setting
/// <c>essentiallyAllThreshold</c>.</param>
/// <param name="EssentiallyAll">True when the plan says "essentially all" (基本达到全覆盖) rather than a number.</param>
/// <param name="Total">The total count for counted targets, or null.</param>
/// <param name="Splits">Each district's or area's part of <see cref="Total"/>; their counts add up to it.</param>
/// <param name="Categories">Categories the target is limited to (W96-T3: the lines carry only sorted waste).</param>
/// <param name="Streams">Special streams the target is limited to.</param>
/// <param name="Baseline">The baseline of a reduction target, or null.</param>
/// <param name="ReductionShare">The reduction against the baseline as a share (0.03 for 3 %), or null.</param>
/// <param name="Description">The target in the plan's words.</param>
public sealed record Target(
    string Id,
    string Clause,
    TargetKind Kind,
    DateOnly Due,
    DatePeriod? Period,
    IReadOnlyList<SiteType> SiteTypes,
    decimal? MinShare,
    bool EssentiallyAll,
    int? Total,
    IReadOnlyList<TargetSplit> Splits,
    IReadOnlyList<WasteCategory> Categories,
    IReadOnlyList<SpecialStream> Streams,
    TonnageBaseline? Baseline,
    decimal? ReductionShare,
    LocalizedText Description)
{
    /// <summary>
    /// The most tonnage allowed by a reduction target whose baseline tonnage is stated: baseline × (1 − reduction
    /// share), e.g. W96-T5: 1,148,900 t × 0.97 = 1,114,433 t. Null when either figure is missing.
    /// </summary>
    public decimal? AllowedTonnes => Baseline?.Tonnes is { } t && ReductionShare is { } r ? t * (1m - r) : null;
}
