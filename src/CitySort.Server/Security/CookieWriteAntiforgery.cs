using CitySort.Server.Endpoints;
using CitySort.Server.Live;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Security;

/// <summary>
/// Anti-forgery for writes made with the sign-in cookie (issue 12, item 5; OWASP ASVS 5.0 V3.5.1): a POST, PUT,
/// PATCH or DELETE that is authenticated by the sign-in cookie must carry the request token of ASP.NET Core's
/// antiforgery in the <see cref="HeaderName"/> header, matching the antiforgery cookie and the signed-in user. The
/// dashboard reads its token from <c>GET /api/auth/me</c> (<see cref="CurrentUserView.AntiforgeryToken"/>) and sends
/// it with every request. A write without a valid token is answered 400 with the reason in the request's language,
/// before the endpoint runs, so nothing is changed.
/// </summary>
/// <remarks>
/// Not checked: reads (GET, HEAD, OPTIONS, TRACE, which change nothing); requests without the sign-in cookie
/// (the anonymous sign-in and set-up, and the devices' writes, which authenticate with their own key per request and
/// carry no cookie a foreign page could borrow); the endpoints that establish a sign-in from credentials in their
/// body (sign-in and the one-time set-up, marked with <c>DisableAntiforgery()</c>), which a signed-in user may call
/// again to change accounts; and the live hub's SignalR negotiation at <see cref="LiveHub.Path"/>,
/// whose clients only listen. The sign-in cookie is also <c>SameSite=Strict</c>, so a browser does not send it with a
/// request that another site starts; the token is the second, independent guard.
/// </remarks>
internal static class CookieWriteAntiforgery
{
    /// <summary>The request header that carries the antiforgery request token.</summary>
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>The name of the antiforgery cookie (HTTP-only, same-site strict).</summary>
    public const string CookieName = "citysort.af";

    /// <summary>Registers ASP.NET Core's antiforgery with CitySort's header and cookie.</summary>
    /// <param name="services">The services.</param>
    public static void AddCookieWriteAntiforgery(this IServiceCollection services) => services.AddAntiforgery(o =>
    {
        o.HeaderName = HeaderName;
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.SuppressXFrameOptionsHeader = true;
    });

    /// <summary>The request token for the signed-in user of <paramref name="context"/> (and sets the antiforgery cookie), or null when nobody is signed in.</summary>
    /// <param name="context">The request.</param>
    public static string? TokenFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SignedInByCookie(context)
            ? context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken
            : null;
    }

    /// <summary>Checks every cookie-authenticated write (see the type's remarks); runs after authentication.</summary>
    /// <param name="app">The application.</param>
    public static void UseCookieWriteAntiforgery(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Extensions =
                    {
                        [Problems.ChineseKey] = "页面的安全令牌缺失或已失效，未作任何更改：请刷新页面后重试。",
                        [Problems.EnglishKey] = "The page's security token is missing or no longer valid, so nothing was changed: reload the page and try again.",
                        ["reason"] = "antiforgery",
                    },
                },
            });
            return;
        }

        await next(context);
    });

    private static bool NeedsToken(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && !context.Request.Path.StartsWithSegments(LiveHub.Path, StringComparison.OrdinalIgnoreCase)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false }
        && SignedInByCookie(context);

    private static bool SignedInByCookie(HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
}
