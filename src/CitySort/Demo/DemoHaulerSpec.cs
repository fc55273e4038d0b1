using CitySort.Registry;

namespace CitySort.Demo;

/// <summary>
/// A hauler of the demo city and what it carries: the vehicles of a category are given to the hauler that carries it
/// (for <paramref name="AreaCode"/> when set, else city-wide).
/// </summary>
/// <param name="Code">Hauler code.</param>
/// <param name="Name">Name (illustrative).</param>
/// <param name="Franchise">Franchise held, if any.</param>
/// <param name="Categories">Categories it carries.</param>
/// <param name="AreaCode">The area it serves, or <c>null</c> for city-wide.</param>
public sealed record DemoHaulerSpec(string Code, string Name, string? Franchise, IReadOnlyList<WasteCategory> Categories, string? AreaCode);
