namespace CitySort.Security;

/// <summary>What creating a user account needs.</summary>
/// <param name="UserName">The name to sign in with (1-64 characters, no white space).</param>
/// <param name="Role">A role of <see cref="CitySortRoles.All"/>.</param>
/// <param name="Password">The password chosen (checked against the rules of <see cref="IdentitySetup"/>).</param>
/// <param name="DistrictCodes">For a district officer: the district codes of the scope (at least one, each in the registry).</param>
/// <param name="HaulerCode">For a hauler: the hauler code.</param>
public sealed record NewUserAccount(string UserName, string Role, string Password, IReadOnlyList<string>? DistrictCodes = null, string? HaulerCode = null);
