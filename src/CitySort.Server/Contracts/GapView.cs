using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>One gap between a site's bins and its type's rule, with the clause it breaks.</summary>
/// <param name="Clause">The clause id, e.g. <c>W96-B1</c>.</param>
/// <param name="Kind"><c>TooFewBins</c> or <c>NotBagged</c>.</param>
/// <param name="Category">The household-waste category, or null for a special stream.</param>
/// <param name="Stream">The special stream (W96-C5), or null for a category.</param>
/// <param name="Placement">Where the bins must stand.</param>
/// <param name="RequiredCount">Bins the rule requires there.</param>
/// <param name="PresentCount">Bins that count towards it.</param>
/// <param name="MessageZh">The gap in Chinese, for the clerk.</param>
/// <param name="MessageEn">The gap in English.</param>
public sealed record GapView(
    string Clause,
    string Kind,
    WasteCategory? Category,
    SpecialStream? Stream,
    BinPlacement Placement,
    int RequiredCount,
    int PresentCount,
    string MessageZh,
    string MessageEn);
