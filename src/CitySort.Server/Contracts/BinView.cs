using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A row of bins of a site.</summary>
/// <param name="Category">Household-waste category (W96-C1..C4), or null for a special stream.</param>
/// <param name="Stream">Special stream (W96-C5), or null.</param>
/// <param name="Placement">Where the bins stand.</param>
/// <param name="Count">Number of bins (over all floors for <see cref="BinPlacement.EveryFloor"/>).</param>
/// <param name="VolumeLitres">Volume of one bin in litres (each unit's own choice, W96-C6).</param>
/// <param name="Bagged">Whether the bins are bagged (袋装化, W96-B4).</param>
/// <param name="Id">The bins' registry id (events name it as <c>binId</c>; an edit that sends it back keeps the bins).</param>
public sealed record BinView(WasteCategory? Category, SpecialStream? Stream, BinPlacement Placement, int Count, int VolumeLitres, bool Bagged, int Id = 0);
