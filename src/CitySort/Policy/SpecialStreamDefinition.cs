using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>A special stream collected and treated separately (专项收集处置, W96-C5).</summary>
/// <param name="Stream">The stream (its JSON id is the enum name, e.g. <c>Catering</c>).</param>
/// <param name="Clause">The clause that defines it, e.g. <c>W96-C5</c>.</param>
/// <param name="Name">Chinese and English names.</param>
/// <param name="Description">How it is handled, when stated.</param>
public sealed record SpecialStreamDefinition(SpecialStream Stream, string Clause, LocalizedText Name, LocalizedText? Description);
