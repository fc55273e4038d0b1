namespace CitySort.Planning;

/// <summary>A site due for collection of one category on one day, with what it holds.</summary>
/// <param name="SiteCode">The site's code in the registry.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="AreaCode">The planning area: the district code, or the profile area id (e.g. <c>development-zone</c>).</param>
/// <param name="Location">Where the site is (WGS-84).</param>
/// <param name="DemandKg">Kilograms to collect, rounded up to whole kg (see <see cref="DueSiteSelector.DemandKg"/>).</param>
/// <param name="FrequencyDays">Every how many days the site is collected.</param>
public sealed record DueSite(string SiteCode, string SiteName, string AreaCode, GeoPoint Location, long DemandKg, int FrequencyDays);
