using Microsoft.AspNetCore.Mvc;

namespace CitySort.Server.Queries;

/// <summary>The query of <c>GET /api/districts</c>, bound with <c>[AsParameters]</c>.</summary>
/// <param name="All">True to list every imported division, not only the urban districts of the profile.</param>
internal sealed record DistrictListQuery([property: FromQuery(Name = "all")] bool? All);
