using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// What the bin rules (W96-B1..B4) and coverage (W96-T1) need to know of one sorting site, as the registry holds it.
/// Pure data: the rules read it and nothing else.
/// </summary>
/// <param name="SiteCode">The site's code (natural key).</param>
/// <param name="SiteType">The site type, which picks the rule.</param>
/// <param name="DistrictCode">6-digit county-level code as the registry's division list has it (may be 330371 for a 2021-coded development-zone site).</param>
/// <param name="StreetCode">9-digit township code, or null when unknown.</param>
/// <param name="Households">Resident households (compounds; 0 elsewhere).</param>
/// <param name="Staff">Staff (agencies, enterprises, schools; pupils may be counted by the registry's convention).</param>
/// <param name="Floors">Storeys of the (tallest) building; 0 when unknown or not a building, counted as 1 by per-floor rules.</param>
/// <param name="HasPropertyManagement">Whether the compound has property management (W96-C0, W96-B1 pilot).</param>
/// <param name="HasCanteen">Whether there is a canteen (W96-B2/B3 catering bins).</param>
/// <param name="IsWetDryPilot">Whether the compound is a wet/dry pilot that must add kitchen-waste bins (W96-B1).</param>
/// <param name="IsBaggedZone">Whether the public place is on a main road, square, footbridge, underpass or commercial street (W96-B4).</param>
/// <param name="IsKitchenWasteHeavy">Whether much kitchen waste arises at the public place (W96-B4).</param>
/// <param name="CollectedSorted">Whether the site's waste is collected sorted (W96-K), part of "covered" (setting <c>covered</c>).</param>
/// <param name="Bins">The site's bin rows.</param>
public sealed record SiteFacts(
    string SiteCode,
    SiteType SiteType,
    string DistrictCode,
    string? StreetCode,
    int Households,
    int Staff,
    int Floors,
    bool HasPropertyManagement,
    bool HasCanteen,
    bool IsWetDryPilot,
    bool IsBaggedZone,
    bool IsKitchenWasteHeavy,
    bool CollectedSorted,
    IReadOnlyList<BinFacts> Bins)
{
    /// <summary>The Chinese street name, when known; used to place the site in a profile area when its code does not decide.</summary>
    public string? StreetName { get; init; }
}
