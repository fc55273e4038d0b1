using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CitySort.Server.Operations;

/// <summary>
/// The security headers on every response (issue 12, item 5; OWASP ASVS 5.0 chapter 3, "Web Frontend Security"):
/// a Content-Security-Policy that allows script and style only from the server's own files, no framing, no MIME
/// sniffing, no referrer, and no powerful browser features. The dashboard builds every element through the DOM
/// (never from markup strings), so it needs neither inline script nor inline style.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy of the dashboard, the API and the health endpoints: only the server's own scripts, styles, fonts
    /// and connections (SignalR's WebSocket to the same origin included); images also from <c>data:</c> and
    /// <c>blob:</c> URLs, which Leaflet and ECharts make for markers and chart exports; no plug-ins, no framing
    /// (<c>frame-ancestors 'none'</c>), no base or form targets elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the API reference page (<c>/api/reference</c>), the one documented exception: the Scalar
    /// reference (a borrowed viewer of the OpenAPI document, which holds no data from outside) starts from an
    /// inline configuration script, compiles parts of its views with <c>eval</c> and injects its component styles at
    /// run time, so it is allowed inline and evaluated script and inline style. It is still not frameable and may
    /// connect only to this server.
    /// </summary>
    public const string ReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The path of the API reference page, which gets <see cref="ReferenceContentSecurityPolicy"/>.</summary>
    public const string ReferencePath = "/api/reference";

    /// <summary>
    /// Adds the headers to every response, written when the response starts so that error pages, problem
    /// documents, static files and status-code answers carry them too:
    /// <c>Content-Security-Policy</c>, <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>,
    /// <c>Referrer-Policy: no-referrer</c>, <c>Cross-Origin-Opener-Policy: same-origin</c>,
    /// <c>Cross-Origin-Resource-Policy: same-origin</c> and a <c>Permissions-Policy</c> that turns off camera,
    /// microphone, geolocation and payment.
    /// </summary>
    /// <param name="app">The application; call this first so that every later middleware's answer is covered.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>Sets the headers on <paramref name="context"/>'s response, replacing any set before.</summary>
    /// <param name="context">The request whose response is about to start.</param>
    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ReferencePath, StringComparison.OrdinalIgnoreCase)
            ? ReferenceContentSecurityPolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
    }
}
