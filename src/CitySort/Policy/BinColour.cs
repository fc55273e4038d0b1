namespace CitySort.Policy;

/// <summary>
/// The colour of a category's bin as the city's guidance sets it (W96-C1..C4, W96-C6), with a display colour for
/// the dashboard.
/// </summary>
/// <param name="Zh">Chinese colour name, e.g. 蓝色.</param>
/// <param name="En">English colour name, e.g. blue.</param>
/// <param name="Hex">Display colour as <c>#rrggbb</c> (CitySort's rendering choice, not a clause).</param>
public sealed record BinColour(string Zh, string En, string Hex);
