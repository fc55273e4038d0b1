namespace CitySort.Server.Security;

/// <summary>The body of <c>POST /api/auth/setup</c>: the token of the one-time set-up link and the first administrator's name and password.</summary>
/// <param name="Token">The token from the link printed by <c>citysort serve</c>.</param>
/// <param name="UserName">The administrator's user name.</param>
/// <param name="Password">The password chosen.</param>
public sealed record SetupRequest(string? Token, string? UserName, string? Password);
