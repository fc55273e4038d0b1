namespace CitySort.Security;

/// <summary>
/// A change to an existing account by an administrator (<c>PUT /api/users/{name}</c>, <c>citysort users set|disable|enable</c>):
/// each part left null keeps what the account has.
/// </summary>
/// <param name="UserName">The account to change.</param>
/// <param name="Role">The new role (<see cref="CitySortRoles.Parse"/>: <c>admin</c>, <c>officer</c>, <c>district</c>, <c>hauler</c>, <c>inspector</c> or the full names), or null to keep it.</param>
/// <param name="DistrictCodes">A district officer's new districts (at least one, each in the registry), or null to keep the present ones.</param>
/// <param name="HaulerCode">A hauler account's new hauler code, or null to keep the present one.</param>
/// <param name="Enabled">False to disable the account (no sign-in), true to enable it again (and clear a lockout), null to leave it.</param>
public sealed record UserChange(string UserName, string? Role = null, IReadOnlyList<string>? DistrictCodes = null, string? HaulerCode = null, bool? Enabled = null);
