using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// One row of a site's bins as the registry holds it: what it collects, where it stands, how many, how big, whether
/// bagged. Exactly one of <see cref="Category"/> and <see cref="Stream"/> is set.
/// </summary>
/// <param name="Category">The household-waste category (W96-C1..C4), or null for a special-stream bin.</param>
/// <param name="Stream">The special stream (W96-C5), or null for a category bin.</param>
/// <param name="Placement">Where the bins stand.</param>
/// <param name="Count">Number of bins in this row, 0 or more; for <see cref="BinPlacement.EveryFloor"/> the number over all floors.</param>
/// <param name="VolumeLitres">Volume of each bin in litres, 0 or more (each unit's own choice, W96-C6; not checked by the rules).</param>
/// <param name="Bagged">Whether the bins are bagged (袋装化, W96-B4).</param>
public sealed record BinFacts(WasteCategory? Category, SpecialStream? Stream, BinPlacement Placement, int Count, int VolumeLitres, bool Bagged);
