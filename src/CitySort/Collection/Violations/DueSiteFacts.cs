using CitySort.Registry;

namespace CitySort.Collection.Violations;

/// <summary>A site due for collection of a same-day-clearance category on a day (W96-K3), as the clearance rule needs it.</summary>
/// <param name="SiteCode">The site's code.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="DistrictCode">The site's district.</param>
/// <param name="Category">The category due.</param>
/// <param name="IsIllustrative">True for a demo site.</param>
public sealed record DueSiteFacts(string SiteCode, string SiteName, string DistrictCode, WasteCategory Category, bool IsIllustrative);
