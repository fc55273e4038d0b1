using Microsoft.AspNetCore.Mvc;

namespace CitySort.Server.Queries;

/// <summary>The query of <c>GET /api/sites/points</c>, bound with <c>[AsParameters]</c>.</summary>
/// <param name="District">A 6-digit district code or a profile area id; absent for every site.</param>
internal sealed record SitePointsQuery([property: FromQuery(Name = "district")] string? District);
