namespace CitySort.Server.Contracts;

/// <summary>
/// The body of <c>PUT /api/users/{name}</c>: what to change of the account; each field left out (null) keeps what the
/// account has. Example: <c>{"role":"district","districts":["330302"]}</c>, <c>{"enabled":false}</c>.
/// </summary>
/// <param name="Role">The new role: <c>admin</c>, <c>officer</c>, <c>district</c>, <c>hauler</c> or <c>inspector</c> (or the full names of docs/security.md).</param>
/// <param name="Districts">A district officer's district codes (six digits, each in the registry), or null to keep them.</param>
/// <param name="Hauler">A hauler account's hauler code, or null to keep it.</param>
/// <param name="Enabled">False disables the account, true enables it again and clears a lockout, null leaves it.</param>
public sealed record UserChangeRequest(string? Role, IReadOnlyList<string>? Districts, string? Hauler, bool? Enabled);
