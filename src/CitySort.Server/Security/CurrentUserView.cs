namespace CitySort.Server.Security;

/// <summary>Who is signed in, as <c>GET /api/auth/me</c> answers.</summary>
/// <param name="SignedIn">Whether the request carries a valid sign-in cookie.</param>
/// <param name="UserName">The user name, or null.</param>
/// <param name="Role">The role (<see cref="CitySort.Security.CitySortRoles"/>), or null.</param>
/// <param name="Districts">The districts of a district officer's scope; empty otherwise.</param>
/// <param name="SetupOpen">Whether a one-time set-up link is open (no account exists yet).</param>
public sealed record CurrentUserView(bool SignedIn, string? UserName, string? Role, IReadOnlyList<string> Districts, bool SetupOpen)
{
    /// <summary>
    /// The anti-forgery request token that every write of this signed-in user must carry in the
    /// <c>X-CSRF-Token</c> header (docs/security.md, "Anti-forgery"); given by <c>GET /api/auth/me</c> only, null
    /// when nobody is signed in and in the answers of sign-in and set-up (ask <c>/api/auth/me</c> after them).
    /// </summary>
    public string? AntiforgeryToken { get; init; }

    /// <summary>
    /// Whether the city's single sign-on is configured, so that the sign-in page offers it (<c>GET /api/auth/sso</c>);
    /// given by <c>GET /api/auth/me</c>, false in the answers of sign-in and set-up.
    /// </summary>
    public bool SingleSignOn { get; init; }
}
