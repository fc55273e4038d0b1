using System.Security.Claims;
using CitySort.Security;
using CitySort.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Security;

/// <summary>
/// <c>/api/auth</c>: who is signed in, cookie sign-in with lockout, the start of the city's single sign-on when
/// configured (<see cref="SingleSignOn"/>), sign-out, and the first administrator through the one-time set-up link. Open to everyone (the dashboard's sign-in page calls them); sign-in and set-up go through the
/// sign-in rate limit. Errors are problem documents in the request's language.
/// </summary>
internal static class AuthEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in").AllowAnonymous();
        group.MapGet("/me", Me)
            .WithName("GetCurrentUser")
            .WithSummary("Who is signed in (user name, role, district scope); signedIn false when nobody is, with setupOpen true while no account exists; antiforgeryToken is the token every write of the signed-in user sends in X-CSRF-Token.");
        // Sign-in and set-up carry their own credentials (password, one-time token) and may be called while signed in,
        // so they need no anti-forgery token (CookieWriteAntiforgery).
        group.MapPost("/sign-in", SignIn)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.SignInPolicy)
            .WithName("SignIn")
            .WithSummary("Signs in with user name and password and sets the sign-in cookie; 401 with the reason (wrong name or password, or locked after repeated failures).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/sso", StartSingleSignOn)
            .RequireRateLimiting(RateLimits.SignInPolicy)
            .WithName("StartSingleSignOn")
            .WithSummary("Starts the sign-in through the city's single sign-on (OpenID Connect, code flow with PKCE): a redirect to the provider, which sends the browser back to /api/auth/sso/callback; there the identity must be linked to a CitySort account (citysort users link), else the browser is sent to the sign-in page with the reason (#/?sso=SsoUnknownIdentity). 404 when no single sign-on is configured.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/sign-out", SignOut)
            .WithName("SignOut")
            .WithSummary("Signs out: the sign-in cookie is removed.");
        group.MapPost("/setup", Setup)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.SignInPolicy)
            .WithName("SetUpFirstAdministrator")
            .WithSummary("Creates the first city administrator with the token of the one-time set-up link printed by serve, and signs in; 400 with the reasons (link used or expired, password too short or too common).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult StartSingleSignOn(ServerOptions options)
    {
        if (options.SingleSignOn is null)
        {
            var (zh, en) = IdentityTexts.For("SsoNotConfigured");
            return Problems.Make(StatusCodes.Status404NotFound, zh, en, new Dictionary<string, object?> { ["code"] = "SsoNotConfigured" });
        }

        return TypedResults.Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/" }, [SingleSignOn.Scheme]);
    }

    private static CurrentUserView Describe(ClaimsPrincipal user, SetupLink link) =>
        user.Identity?.IsAuthenticated == true
            ? new CurrentUserView(true, user.Identity.Name, user.FindFirstValue(ClaimTypes.Role), user.FindAll(CitySortClaimTypes.District).Select(c => c.Value).ToList(), false)
            : new CurrentUserView(false, null, null, [], link.IsOpen);

    private static Ok<CurrentUserView> Me(HttpContext context, SetupLink link, ServerOptions options) =>
        TypedResults.Ok(Describe(context.User, link) with { AntiforgeryToken = CookieWriteAntiforgery.TokenFor(context), SingleSignOn = options.SingleSignOn is not null });

    private static async Task<Results<Ok<CurrentUserView>, ProblemHttpResult>> SignIn(
        SignInRequest body, SignInManager<CitySortUser> signIn, IUserClaimsPrincipalFactory<CitySortUser> principals, SetupLink link)
    {
        var user = string.IsNullOrWhiteSpace(body.UserName) ? null : await signIn.UserManager.FindByNameAsync(body.UserName.Trim());
        if (user is null || string.IsNullOrEmpty(body.Password))
        {
            return Refused("SignInFailed");
        }

        var result = await signIn.PasswordSignInAsync(user, body.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Refused("LockedOut");
        }

        if (!result.Succeeded)
        {
            return Refused("SignInFailed");
        }

        return TypedResults.Ok(Describe(await principals.CreateAsync(user), link));
    }

    private static async Task<NoContent> SignOut(SignInManager<CitySortUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<CurrentUserView>, ProblemHttpResult>> Setup(
        SetupRequest body, SetupLink link, UserAccounts accounts, SignInManager<CitySortUser> signIn,
        IUserClaimsPrincipalFactory<CitySortUser> principals, CancellationToken cancellationToken)
    {
        if (!link.TryConsume(body.Token))
        {
            var (zh, en) = IdentityTexts.For("SetupLinkInvalid");
            return Problems.Make(StatusCodes.Status400BadRequest, zh, en, new Dictionary<string, object?> { ["code"] = "SetupLinkInvalid" });
        }

        var result = await accounts.AddAsync(new NewUserAccount(body.UserName ?? string.Empty, CitySortRoles.CityAdministrator, body.Password ?? string.Empty), UserAddedVia.SetupLink, cancellationToken);
        if (!result.Succeeded)
        {
            link.Restore(body.Token!);
            return Problems.Make(
                StatusCodes.Status400BadRequest,
                string.Join(" ", result.Problems.Select(p => p.Zh)),
                string.Join(" ", result.Problems.Select(p => p.En)),
                new Dictionary<string, object?> { ["problemsZh"] = result.Problems.Select(p => p.Zh).ToList(), ["problemsEn"] = result.Problems.Select(p => p.En).ToList() });
        }

        var user = await signIn.UserManager.FindByNameAsync(result.Account!.UserName);
        await signIn.SignInAsync(user!, isPersistent: false);
        return TypedResults.Created("/api/auth/me", Describe(await principals.CreateAsync(user!), link));
    }

    private static ProblemHttpResult Refused(string code)
    {
        var (zh, en) = IdentityTexts.For(code);
        return Problems.Make(StatusCodes.Status401Unauthorized, zh, en, new Dictionary<string, object?> { ["code"] = code });
    }
}
