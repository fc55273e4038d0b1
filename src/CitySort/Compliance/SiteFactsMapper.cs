using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// Turns a registry <see cref="Site"/> into the <see cref="SiteFacts"/> that the bin rules and coverage read
/// (an adapter between the registry and the compliance rules; no rule logic here).
/// </summary>
public static class SiteFactsMapper
{
    /// <summary>The facts of <paramref name="site"/>; missing households or staff count as 0.</summary>
    /// <param name="site">The site with its bins loaded.</param>
    /// <param name="streetName">Its street's Chinese name, which lets the profile place streets by name.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="site"/> is null.</exception>
    public static SiteFacts ToFacts(Site site, string? streetName)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new(
            site.Code,
            site.Type,
            site.DistrictCode,
            site.StreetCode,
            site.Households ?? 0,
            site.Staff ?? 0,
            site.Floors,
            site.HasPropertyManagement,
            site.HasCanteen,
            site.IsWetDryPilot,
            site.IsBaggedZone,
            site.IsKitchenWasteHeavy,
            site.CollectedSorted,
            site.Bins.Select(b => new BinFacts(b.Category, b.Stream, b.Placement, b.Count, b.VolumeLitres, b.Bagged)).ToArray())
        {
            StreetName = streetName,
        };
    }
}
