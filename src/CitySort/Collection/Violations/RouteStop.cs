using CitySort.Planning;

namespace CitySort.Collection.Violations;

/// <summary>A site a vehicle was planned to visit.</summary>
/// <param name="SiteCode">The site's code.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="Trip">The planned trip's number for the vehicle, from 1 (1 for a dedicated line's stops).</param>
/// <param name="Sequence">The stop's position on its trip, from 1.</param>
/// <param name="Location">Where the site is (WGS-84).</param>
/// <param name="ArrivesAt">The planned local arrival time, or null for a dedicated line's stop.</param>
public sealed record RouteStop(string SiteCode, string SiteName, int Trip, int Sequence, GeoPoint Location, TimeOnly? ArrivesAt);
