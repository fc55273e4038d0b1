using CitySort.Registry;

namespace CitySort.Collection.Violations;

/// <summary>What the registry says a facility accepts (W96-F, W96-K).</summary>
/// <param name="Code">The facility's code.</param>
/// <param name="AcceptedCategories">The categories it accepts.</param>
/// <param name="AcceptedStreams">The special streams it accepts.</param>
public sealed record FacilityRuleFacts(string Code, IReadOnlyList<WasteCategory> AcceptedCategories, IReadOnlyList<SpecialStream> AcceptedStreams)
{
    /// <summary>The facts of a registry facility.</summary>
    /// <param name="facility">The facility.</param>
    /// <returns>Its facts.</returns>
    public static FacilityRuleFacts Of(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        return new FacilityRuleFacts(facility.Code, facility.AcceptedCategories.ToArray(), facility.AcceptedStreams.ToArray());
    }

    /// <summary>Whether the facility accepts the declared load.</summary>
    /// <param name="category">The declared category, or null.</param>
    /// <param name="stream">The declared stream, or null.</param>
    /// <returns>True when the one that is set is among the accepted ones.</returns>
    public bool Accepts(WasteCategory? category, SpecialStream? stream) =>
        (category is not { } c || AcceptedCategories.Contains(c)) && (stream is not { } s || AcceptedStreams.Contains(s));
}
