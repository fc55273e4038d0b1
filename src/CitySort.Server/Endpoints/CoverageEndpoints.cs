using CitySort.Compliance;
using CitySort.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary><c>/api/coverage</c>: sorted-collection coverage against the W96-T1 targets, as <see cref="CoverageService"/> computes it.</summary>
internal static class CoverageEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.ComplianceRead"/>.</summary>
    public static void MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/coverage")
            .WithTags("Compliance")
            .RequireAuthorization(AuthorizationPolicyNames.ComplianceRead)
            .MapGet("/", GetCoverage)
            .WithName("GetCoverage")
            .WithSummary("Coverage (分类收集覆盖面) of the urban area, per site type, per district and area, and per district and site type, each against its W96-T1 target; what counts as covered and the weighting come from the profile. A district officer's coverage counts the sites of the account's districts alone.");
    }

    private static async Task<Ok<CoverageReport>> GetCoverage(CoverageService coverage, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await coverage.ComputeAsync(context.Scope(), cancellationToken));
}
