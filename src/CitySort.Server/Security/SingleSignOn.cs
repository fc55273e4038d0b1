using CitySort.Audit;
using CitySort.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CitySort.Server.Security;

/// <summary>
/// The city's single sign-on through ASP.NET Core's OpenID Connect handler (authorization code flow with PKCE, state
/// and nonce as the handler makes and checks them, the ID token's signature checked against the provider's published
/// keys with an asymmetric algorithm, its lifetime, its audience, and its issuer, which must be the configured authority). The handler signs in to the dashboard's own cookie (Identity's application scheme),
/// and only with a CitySort account: when the ID token is valid, the value of its <see cref="SingleSignOnOptions.UserClaim"/>
/// is looked up among the links an administrator made (<see cref="ExternalLogins"/>); a linked, unlocked account's
/// principal (its role and scope from CitySort) replaces the provider's claims; an identity nobody linked is refused, an
/// audit entry <c>sso-refused</c> is written, nothing else, and the browser goes back to the sign-in page with the reason.
/// </summary>
internal static class SingleSignOn
{
    /// <summary>The authentication scheme of the handler.</summary>
    public const string Scheme = "oidc";

    /// <summary>The path the provider sends the browser back to with the code.</summary>
    public const string CallbackPath = "/api/auth/sso/callback";

    /// <summary>The longest key of an audit entry, in characters (the column's length).</summary>
    private const int AuditKeyLength = 200;

    /// <summary>The signature algorithms an ID token may use (RFC 7518: RSA, RSA-PSS and ECDSA).</summary>
    private static readonly string[] AsymmetricAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>Where the browser goes after a refusal: the sign-in page, with the reason's code in the hash's query.</summary>
    /// <param name="code">A code of <see cref="IdentityTexts"/> (<c>SsoUnknownIdentity</c>, <c>LockedOut</c>, <c>SsoFailed</c>).</param>
    public static string RefusedPage(string code) => "/#/?sso=" + Uri.EscapeDataString(code);

    /// <summary>Sets the handler's options from <paramref name="sso"/>.</summary>
    /// <param name="o">The handler's options.</param>
    /// <param name="sso">The configured provider.</param>
    public static void Configure(OpenIdConnectOptions o, SingleSignOnOptions sso)
    {
        o.Authority = sso.Authority.ToString();
        o.ClientId = sso.ClientId;
        o.ClientSecret = sso.ClientSecret;
        o.RequireHttpsMetadata = sso.HttpsMetadataRequired;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back in the query of a top-level GET, so that the correlation and nonce cookies may be
        // SameSite=Lax (a cross-site form post would need SameSite=None, which browsers refuse without HTTPS).
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.CallbackPath = CallbackPath;
        o.SignInScheme = IdentityConstants.ApplicationScheme;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.TokenValidationParameters.NameClaimType = sso.UserClaim;
        // Signed tokens with an asymmetric key of the provider's key set only: no "none", no shared-secret HMAC.
        o.TokenValidationParameters.ValidAlgorithms = AsymmetricAlgorithms;
        o.Scope.Clear();
        foreach (var scope in sso.Scopes.Prepend("openid").Distinct(StringComparer.Ordinal))
        {
            o.Scope.Add(scope);
        }

        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.HttpOnly = true;
        }

        o.Events.OnTokenValidated = context => MapToAccountAsync(context, sso);
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn))
                .LogWarning("A single sign-on was refused: {Reason}", context.Failure?.Message);
            context.Response.Redirect(RefusedPage("SsoFailed"));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Replaces the provider's principal by the linked account's, or refuses the sign-in (the audit entry written,
    /// the browser sent to the sign-in page with the reason).
    /// </summary>
    private static async Task MapToAccountAsync(TokenValidatedContext context, SingleSignOnOptions sso)
    {
        var services = context.HttpContext.RequestServices;
        var issuer = context.SecurityToken?.Issuer;
        if (!SameIssuer(issuer, sso.Authority))
        {
            // The discovery document named another issuer than the one configured (a provider posing as another):
            // its tokens are refused, however well signed.
            await services.GetRequiredService<AuditRecorder>().RecordAsync(
                "sso-refused", "User", "(issuer)", null, new { provider = ExternalLogins.SingleSignOnProvider, issuer, expected = sso.Authority.ToString(), reason = "SsoFailed" }, context.HttpContext.RequestAborted);
            context.Response.Redirect(RefusedPage("SsoFailed"));
            context.HandleResponse();
            return;
        }

        var key = context.Principal?.FindFirst(sso.UserClaim)?.Value;
        var logins = services.GetRequiredService<ExternalLogins>();
        var user = string.IsNullOrEmpty(key) || key.Length > ExternalLogins.MaxKeyLength ? null : await logins.FindAsync(key);
        var signIn = services.GetRequiredService<SignInManager<CitySortUser>>();
        var refusal = user is null ? "SsoUnknownIdentity"
            : await signIn.UserManager.IsLockedOutAsync(user) ? "LockedOut"
            : !await signIn.CanSignInAsync(user) ? "SsoUnknownIdentity"
            : null;
        if (refusal is not null)
        {
            // The entry's key column holds 200 characters; the identity is kept whole (up to 255) in its fields.
            var shownKey = string.IsNullOrEmpty(key) ? "(none)" : key.Length > AuditKeyLength ? key[..AuditKeyLength] : key;
            var fullKey = string.IsNullOrEmpty(key) ? null : key.Length > ExternalLogins.MaxKeyLength ? key[..ExternalLogins.MaxKeyLength] : key;
            var audit = services.GetRequiredService<AuditRecorder>();
            await audit.RecordAsync("sso-refused", "User", shownKey, null, new { provider = ExternalLogins.SingleSignOnProvider, issuer, claim = sso.UserClaim, key = fullKey, reason = refusal, userName = user?.UserName }, context.HttpContext.RequestAborted);
            context.Response.Redirect(RefusedPage(refusal));
            context.HandleResponse();
            return;
        }

        context.Principal = await signIn.CreateUserPrincipalAsync(user!);
    }

    /// <summary>Whether the token's issuer is the configured authority (OpenID Connect Discovery 1.0, 4.3: the same URL, a trailing slash aside).</summary>
    private static bool SameIssuer(string? issuer, Uri authority) =>
        issuer is not null && string.Equals(issuer.TrimEnd('/'), authority.ToString().TrimEnd('/'), StringComparison.Ordinal);
}
