using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>
/// One required bin of a site type (W96-B1..B4): which category or special stream, where it stands, when it
/// applies and how many. Exactly one of <see cref="Category"/> and <see cref="Stream"/> is set.
/// </summary>
/// <param name="Clause">The clause that requires it, e.g. <c>W96-B1</c>.</param>
/// <param name="Category">The household-waste category, or null for a special-stream bin.</param>
/// <param name="Stream">The special stream (e.g. catering in canteens), or null for a category bin.</param>
/// <param name="Placements">Where the bin may stand; bins at any of these placements count (e.g. teaching-building entrance or public area).</param>
/// <param name="When">When the rule applies.</param>
/// <param name="MinCount">Least number of bins when <see cref="PerFloor"/> is false (0 or more).</param>
/// <param name="PerFloor">True when the rule asks for bins on every floor: the requirement is floors × the setting <c>binsPerFloor</c>.</param>
/// <param name="AllBagged">True when every bin of this category at these placements must be bagged (袋装化管理, W96-B4).</param>
/// <param name="Note">The plan's wording, shortened.</param>
public sealed record BinRule(
    string Clause,
    WasteCategory? Category,
    SpecialStream? Stream,
    IReadOnlyList<BinPlacement> Placements,
    BinCondition When,
    int MinCount,
    bool PerFloor,
    bool AllBagged,
    LocalizedText? Note);
