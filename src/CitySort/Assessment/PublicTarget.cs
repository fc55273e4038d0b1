using CitySort.Policy;

namespace CitySort.Assessment;

/// <summary>
/// A target of the plan (W96-T) as the public progress page shows it (W96-A1): what is due by when, with its clause id;
/// for a district, the district's own part of a counted target (W96-T2 vehicles, W96-T3 lines).
/// </summary>
/// <param name="Id">The profile's target id, e.g. <c>W96-T2</c> or <c>W96-T1.compounds</c>.</param>
/// <param name="Clause">The clause id, e.g. <c>W96-T2</c>.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Due">The day it is due.</param>
/// <param name="MinShare">The least share (0–1) of a coverage or rate target, or null.</param>
/// <param name="EssentiallyAll">True when the plan says "essentially all" (基本达到全覆盖).</param>
/// <param name="Count">For a counted target: the district's or area's part, or the city's total on the city list; else null.</param>
/// <param name="ReductionShare">For a tonnage reduction: the reduction against the baseline (0.03 for 3 %), else null.</param>
/// <param name="AllowedTonnes">For a tonnage reduction with a stated baseline: the most tonnage allowed (W96-T5:
/// 1,148,900 t × 0.97 = 1,114,433 t), else null.</param>
/// <param name="Description">The target in the plan's words, Chinese and English.</param>
public sealed record PublicTarget(
    string Id,
    string Clause,
    TargetKind Kind,
    DateOnly Due,
    decimal? MinShare,
    bool EssentiallyAll,
    int? Count,
    decimal? ReductionShare,
    decimal? AllowedTonnes,
    LocalizedText Description);
