namespace CitySort.Server.Security;

/// <summary>Who is signed in, as <c>GET /api/auth/me</c> answers.</summary>
/// <param name="SignedIn">Whether the request carries a valid sign-in cookie.</param>
/// <param name="UserName">The user name, or null.</param>
/// <param name="Role">The role (<see cref="CitySort.Security.CitySortRoles"/>), or null.</param>
/// <param name="Districts">The districts of a district officer's scope; empty otherwise.</param>
/// <param name="SetupOpen">Whether a one-time set-up link is open (no account exists yet).</param>
public sealed record CurrentUserView(bool SignedIn, string? UserName, string? Role, IReadOnlyList<string> Districts, bool SetupOpen);
