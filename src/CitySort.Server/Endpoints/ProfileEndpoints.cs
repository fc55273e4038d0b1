using CitySort.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary><c>/api/profile</c>: the policy profile the server runs on (format <c>citysort-profile/1</c>).</summary>
internal static class ProfileEndpoints
{
    /// <summary>Maps the group under its authorization policy <see cref="AuthorizationPolicyNames.PolicyRead"/>.</summary>
    public static void MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/profile")
            .WithTags("Policy")
            .RequireAuthorization(AuthorizationPolicyNames.PolicyRead);

        group.MapGet("/", GetProfile)
            .WithName("GetProfile")
            .WithSummary("The policy profile in force: categories, bin rules, targets, people ratios, money, wage tiers, areas and settings, each with its clause id.");
    }

    private static Ok<PolicyProfile> GetProfile(PolicyProfile profile) => TypedResults.Ok(profile);
}
