using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// One way a site falls short of its type's bin rule (W96-B1..B4): which clause, which category or special stream,
/// where, how many are needed and how many there are, with a message in Chinese and English such as
/// "每层须设可回收物桶：需 18 个，现有 12 个 (W96-B1)".
/// </summary>
/// <param name="Clause">The clause the rule comes from, e.g. <c>W96-B1</c>.</param>
/// <param name="Category">The category, or null for a special-stream gap.</param>
/// <param name="Stream">The special stream, or null for a category gap.</param>
/// <param name="Placement">The (first) placement the rule asks for.</param>
/// <param name="AcceptedPlacements">Every placement where a bin would count (e.g. teaching-building entrance or public area).</param>
/// <param name="Kind">Too few bins, or not bagged.</param>
/// <param name="RequiredCount">Bins needed (for <see cref="BinGapKind.NotBagged"/>: bagged bins needed).</param>
/// <param name="PresentCount">Bins present (for <see cref="BinGapKind.NotBagged"/>: bagged bins present).</param>
/// <param name="MessageZh">The gap in Chinese.</param>
/// <param name="MessageEn">The gap in English.</param>
public sealed record BinGap(
    string Clause,
    WasteCategory? Category,
    SpecialStream? Stream,
    BinPlacement Placement,
    IReadOnlyList<BinPlacement> AcceptedPlacements,
    BinGapKind Kind,
    int RequiredCount,
    int PresentCount,
    string MessageZh,
    string MessageEn)
{
    /// <summary>How many bins are missing: required − present (always positive).</summary>
    public int MissingCount => RequiredCount - PresentCount;
}
