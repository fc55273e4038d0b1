using CitySort.Registry;
using CitySort.Server.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/districts</c> and <c>/api/streets</c>: the division hierarchy as imported, with the profile's areas
/// (the development zone) laid over the streets, and the counts of streets, communities and sites, as
/// <see cref="DivisionService"/> gives them.
/// </summary>
internal static class DistrictEndpoints
{
    /// <summary>Maps both groups under <see cref="AuthorizationPolicyNames.RegistryRead"/>.</summary>
    public static void MapDistrictEndpoints(this IEndpointRouteBuilder app)
    {
        var districts = app.MapGroup("/api/districts")
            .WithTags("Divisions")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead);
        districts.MapGet("/", ListDistricts)
            .WithName("ListDistricts")
            .WithSummary("The urban districts of the profile with street, community and site counts, then the profile's areas (the development zone) with their streets; all=true lists every imported division.");
        districts.MapGet("/{code}/streets", ListStreets)
            .WithName("ListStreets")
            .WithSummary("The streets of a district (6-digit code) or of a profile area (its id), with community and site counts.");

        var streets = app.MapGroup("/api/streets")
            .WithTags("Divisions")
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead);
        streets.MapGet("/{code}/communities", ListCommunities)
            .WithName("ListCommunities")
            .WithSummary("The communities of a street (9-digit code) with households and site counts.");
    }

    private static async Task<Ok<IReadOnlyList<DistrictSummary>>> ListDistricts(
        DivisionService divisions, [AsParameters] DistrictListQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await divisions.DistrictsAsync(query.All == true, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<StreetSummary>>, ProblemHttpResult>> ListStreets(
        string code, DivisionService divisions, CancellationToken cancellationToken) =>
        await divisions.StreetsAsync(code, cancellationToken) is { } streets
            ? TypedResults.Ok(streets)
            : Problems.NotFound("没有代码为“" + code + "”的区或功能区。", "No district or area has the code '" + code + "'.");

    private static async Task<Results<Ok<IReadOnlyList<CommunitySummary>>, ProblemHttpResult>> ListCommunities(
        string code, DivisionService divisions, CancellationToken cancellationToken) =>
        await divisions.CommunitiesAsync(code, cancellationToken) is { } communities
            ? TypedResults.Ok(communities)
            : Problems.NotFound("没有代码为“" + code + "”的街道。", "No street has the code '" + code + "'.");
}
