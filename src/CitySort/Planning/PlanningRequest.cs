using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>Narrows planning or reading to one area and/or one category; null fields mean all.</summary>
/// <param name="Area">A district code (e.g. <c>330302</c>) or profile area id (e.g. <c>development-zone</c>).</param>
/// <param name="Category">A dedicated category.</param>
public sealed record PlanningRequest(string? Area = null, WasteCategory? Category = null)
{
    /// <summary>Whether the request admits the group (<paramref name="areaCode"/>, <paramref name="category"/>).</summary>
    /// <param name="areaCode">A planning area code.</param>
    /// <param name="category">A category.</param>
    /// <returns>True when both match or are unset.</returns>
    public bool Admits(string areaCode, WasteCategory category) =>
        (string.IsNullOrWhiteSpace(Area) || string.Equals(Area.Trim(), areaCode, StringComparison.Ordinal))
        && (Category is null || Category == category);
}
