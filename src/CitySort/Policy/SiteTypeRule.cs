using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>The bins a site type requires (W96-B1..B4) and its other rules.</summary>
/// <param name="SiteType">The site type (JSON id is the enum name, e.g. <c>ResidentialCompound</c>).</param>
/// <param name="Clause">The clause, e.g. <c>W96-B1</c>.</param>
/// <param name="Name">Chinese and English names.</param>
/// <param name="Bins">The required bins; a site complies when every rule that applies to it is met.</param>
/// <param name="WetDryPilot">The wet/dry pilot rule (residential compounds only), or null.</param>
/// <param name="Notes">Encouragements and remarks of the clause that set no checkable requirement.</param>
public sealed record SiteTypeRule(
    SiteType SiteType,
    string Clause,
    LocalizedText Name,
    IReadOnlyList<BinRule> Bins,
    WetDryPilotRule? WetDryPilot,
    IReadOnlyList<LocalizedText> Notes);
