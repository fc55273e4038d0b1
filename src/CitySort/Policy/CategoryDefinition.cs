using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>A household-waste category of the profile with its names and bin colour (W96-C1..C4).</summary>
/// <param name="Category">The category (its JSON id is the enum name, e.g. <c>Recyclable</c>).</param>
/// <param name="Clause">The clause that defines it, e.g. <c>W96-C1</c>.</param>
/// <param name="Name">Chinese and English names, e.g. 可回收物 / Recyclables.</param>
/// <param name="BinColour">The bin colour.</param>
/// <param name="Description">What belongs in it, when stated.</param>
public sealed record CategoryDefinition(WasteCategory Category, string Clause, LocalizedText Name, BinColour BinColour, LocalizedText? Description);
