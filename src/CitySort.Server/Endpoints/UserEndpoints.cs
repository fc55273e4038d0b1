using CitySort.Security;
using CitySort.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/users</c>: the accounts, listed and changed by a city administrator (<see cref="UserAccounts"/>). A change
/// of role, scope or state is recorded as a <c>user-changed</c> audit entry with before and after and ends the
/// account's earlier sign-ins at their next request (docs/security.md, "Changing an account"). Accounts are made by
/// <c>citysort users add</c> or the one-time set-up link, never through this API (a password never travels here).
/// </summary>
internal static class UserEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.UsersManage"/>.</summary>
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AuthorizationPolicyNames.UsersManage);
        group.MapGet("/", List)
            .WithName("ListUsers")
            .WithSummary("Every account, ordered by user name, with its role, districts, hauler, when it was made, until when it is locked and whether it is disabled (never a password or hash).")
            .Produces<IReadOnlyList<UserAccount>>(StatusCodes.Status200OK, "application/json");
        group.MapPut("/{name}", Change)
            .WithName("ChangeUser")
            .WithSummary("Changes an account's role, scope (districts, hauler) or whether it may sign in: { role?, districts?, hauler?, enabled? }, each left out kept. The account's earlier sign-ins end at their next request; the change is audited as user-changed with before and after. 404 for an unknown account; 400 with the reasons for an unknown role or district, a missing scope, or the last enabled administrator losing the role or being disabled.")
            .Produces<UserAccount>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<UserAccount>>> List(UserAccounts accounts, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await accounts.ListAsync(cancellationToken));
    }

    private static async Task<Results<Ok<UserAccount>, ProblemHttpResult>> Change(
        UserAccounts accounts, string name, UserChangeRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problems.BadRequest("请在请求正文中给出要修改的内容，例如 {\"role\":\"district\",\"districts\":[\"330302\"]}。", "Give what to change in the body, for example {\"role\":\"district\",\"districts\":[\"330302\"]}.");
        }

        var result = await accounts.ChangeAsync(new UserChange(name, request.Role, request.Districts, request.Hauler, request.Enabled), cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Ok(result.Account!);
        }

        var zh = string.Join(" ", result.Problems.Select(p => p.Zh));
        var en = string.Join(" ", result.Problems.Select(p => p.En));
        return result.Problems[0] == IdentityTexts.For("UnknownUser") ? Problems.NotFound(zh, en) : Problems.BadRequest(zh, en);
    }
}
