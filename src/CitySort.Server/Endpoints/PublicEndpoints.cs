using CitySort.Assessment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/public</c>: what the public may read without sign-in, the published progress of the programme (W96-A1):
/// per district the coverage and the W96-T targets with their clause ids, nothing else.
/// </summary>
internal static class PublicEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.PublicRead"/>.</summary>
    public static void MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/public")
            .WithTags("Public")
            .RequireAuthorization(AuthorizationPolicyNames.PublicRead)
            .MapGet("/progress", GetProgress)
            .WithName("GetPublicProgress")
            .WithSummary("The published progress (W96-A1), readable without sign-in: per district and functional zone the sorted-collection coverage against W96-T1, overall and per site type, and the W96-T targets that apply with the district's part of the counted ones; the city's targets. Counts and shares only, no site or event is named; isIllustrative marks figures that count the demo city.");
    }

    private static async Task<Ok<PublicProgress>> GetProgress(PublicProgressService progress, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(await progress.ComputeAsync(cancellationToken));
    }
}
