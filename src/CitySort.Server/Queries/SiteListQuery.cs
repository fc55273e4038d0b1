using Microsoft.AspNetCore.Mvc;

namespace CitySort.Server.Queries;

/// <summary>The query of <c>GET /api/sites</c>, bound with <c>[AsParameters]</c>; every part is optional.</summary>
/// <param name="District">A 6-digit district code or a profile area id (e.g. <c>development-zone</c>).</param>
/// <param name="Street">A 9-digit street code.</param>
/// <param name="Type">A site type: ResidentialCompound, InstitutionOrEnterprise, SchoolOrKindergarten or PublicPlace.</param>
/// <param name="Compliant">True for the sites whose bins meet their type's rule (W96-B1..B4), false for the others.</param>
/// <param name="Q">A text the name, the address or the code contains (case-insensitive).</param>
/// <param name="Page">The page, from 1 (default 1).</param>
/// <param name="PageSize">Sites per page, 1..500 (default 50).</param>
/// <param name="IncludeRetired">True to list retired sites too (docs/registry.md); default false.</param>
internal sealed record SiteListQuery(
    [property: FromQuery(Name = "district")] string? District,
    [property: FromQuery(Name = "street")] string? Street,
    [property: FromQuery(Name = "type")] string? Type,
    [property: FromQuery(Name = "compliant")] bool? Compliant,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "page")] int? Page,
    [property: FromQuery(Name = "pageSize")] int? PageSize,
    [property: FromQuery(Name = "includeRetired")] bool? IncludeRetired);
