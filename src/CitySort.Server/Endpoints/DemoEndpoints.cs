using CitySort.Collection;
using CitySort.Compliance;
using CitySort.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/demo</c>: how many illustrative (demo) records the registry holds, which the dashboard shows as a banner on
/// every page while any exist, and their removal in one transaction (the same as <c>citysort demo remove</c>).
/// </summary>
internal static class DemoEndpoints
{
    /// <summary>Maps the status under <see cref="AuthorizationPolicyNames.RegistryRead"/> and the removal under <see cref="AuthorizationPolicyNames.RegistryImport"/>.</summary>
    public static void MapDemoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo");
        group.MapGet("/", GetStatus)
            .RequireAuthorization(AuthorizationPolicyNames.RegistryRead)
            .WithName("GetDemoStatus")
            .WithSummary("How many illustrative (demo) records the registry holds per table; present is true while any exist.");
        group.MapPost("/remove", Remove)
            .RequireAuthorization(AuthorizationPolicyNames.RegistryImport)
            .WithName("RemoveDemo")
            .WithSummary("Removes every illustrative (demo) record in one transaction, leaving only the real records; 409 with the reasons when a real record still refers to a demo one (nothing is removed then).")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<DemoStatus>> GetStatus(DemoRegistry demo, CancellationToken cancellationToken) =>
        TypedResults.Ok(await demo.StatusAsync(cancellationToken));

    private static async Task<Results<Ok<DemoRemoval>, ProblemHttpResult>> Remove(DemoRegistry demo, SiteIndex index, HttpContext context, CancellationToken cancellationToken)
    {
        var removal = await demo.RemoveAsync(cancellationToken);
        if (!removal.Succeeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The demo city was not removed / 示例数据未删除",
                detail: string.Join("; ", removal.Blockers),
                extensions: new Dictionary<string, object?> { ["blockers"] = removal.Blockers });
        }

        index.Invalidate();
        // The intake refuses the demo vehicles' next events, and the KPIs drop the demo sites, at once.
        context.RequestServices.GetService<RegistrySnapshotSource>()?.Invalidate();
        return TypedResults.Ok(removal);
    }
}
