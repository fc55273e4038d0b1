namespace CitySort.Security;

/// <summary>A user account as listed (never with its password hash).</summary>
/// <param name="UserName">The name the user signs in with.</param>
/// <param name="Role">The role (<see cref="CitySortRoles"/>).</param>
/// <param name="DistrictCodes">The districts of a district officer's scope; empty otherwise.</param>
/// <param name="HaulerCode">The hauler of a hauler account; null otherwise.</param>
/// <param name="CreatedAt">When the account was created (UTC).</param>
/// <param name="LockedUntil">Until when the account is locked after wrong passwords (UTC), or null; a disabled account's is <see cref="DateTimeOffset.MaxValue"/>.</param>
/// <param name="Disabled">Whether an administrator disabled the account (<see cref="UserAccounts.ChangeAsync"/>): it cannot sign in until enabled again.</param>
public sealed record UserAccount(string UserName, string Role, IReadOnlyList<string> DistrictCodes, string? HaulerCode, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil, bool Disabled = false);
