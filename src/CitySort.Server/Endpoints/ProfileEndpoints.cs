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

        group.MapGet("/source", GetProfileSource)
            .WithName("GetProfileSource")
            .WithSummary("The profile file in force as written (citysort-profile/1): edit it and start the server on it with serve --profile FILE.");
    }

    private static Ok<PolicyProfile> GetProfile(PolicyProfile profile) => TypedResults.Ok(profile);

    /// <summary>
    /// The profile file in force, as written (format <c>citysort-profile/1</c>): an office downloads it, edits it and
    /// starts the server on it with <c>serve --profile FILE</c>. The shipped Wenzhou 2015 profile unless
    /// <c>serve --profile</c> named another file.
    /// </summary>
    private static Results<ContentHttpResult, ProblemHttpResult> GetProfileSource(ServerOptions options)
    {
        if (options.ProfilePath is { } path)
        {
            return TypedResults.Content(File.ReadAllText(path), "application/json; charset=utf-8");
        }

        if (options.Profile is null)
        {
            return TypedResults.Content(ProfileLoader.ReadEmbeddedText(), "application/json; charset=utf-8");
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No profile file / 无配置文件",
            detail: "The server was given its profile in code, not from a file, so there is no file to download.");
    }
}
