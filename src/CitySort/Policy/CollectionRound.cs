using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>
/// One collection round of a dedicated category (part of setting <c>planning</c>): the sites it serves and every how
/// many days. A site is due on day d when (d − phase) mod <see cref="FrequencyDays"/> = 0, its phase fixed by its
/// code (see <c>CitySort.Planning.DueSiteSelector</c>).
/// </summary>
/// <param name="SiteTypes">Site types served; empty = every type.</param>
/// <param name="WetDryPilotOnly">Only wet/dry separation pilot compounds (W96-B1 pilots).</param>
/// <param name="CanteenOnly">Only sites with a canteen.</param>
/// <param name="KitchenWasteHeavyOnly">Only public places with much kitchen waste (markets, food streets).</param>
/// <param name="FrequencyDays">Every how many days the site is collected, at least 1 (1 = daily).</param>
public sealed record CollectionRound(
    IReadOnlyList<SiteType> SiteTypes,
    bool WetDryPilotOnly,
    bool CanteenOnly,
    bool KitchenWasteHeavyOnly,
    int FrequencyDays)
{
    /// <summary>Whether this round serves <paramref name="site"/>.</summary>
    /// <param name="site">A site.</param>
    /// <returns>True when the site's type and flags match.</returns>
    public bool Serves(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return (SiteTypes.Count == 0 || SiteTypes.Contains(site.Type))
            && (!WetDryPilotOnly || site.IsWetDryPilot)
            && (!CanteenOnly || site.HasCanteen)
            && (!KitchenWasteHeavyOnly || site.IsKitchenWasteHeavy);
    }
}
