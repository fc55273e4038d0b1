using Microsoft.AspNetCore.Identity;

namespace CitySort.Security;

/// <summary>
/// A person who signs in to CitySort (ASP.NET Core Identity user in the registry's database). Besides the Identity
/// fields (user name, password hash, lockout) it carries the scope of a district officer or a hauler; the role itself
/// is an Identity role (<see cref="CitySortRoles"/>).
/// </summary>
public sealed class CitySortUser : IdentityUser
{
    /// <summary>
    /// The district codes (six-digit division codes, such as <c>330302</c> for Lucheng) a district officer works on,
    /// separated by commas; empty for every other role. Read through <see cref="DistrictCodes"/>.
    /// </summary>
    public string ScopeDistrictCodes { get; set; } = string.Empty;

    /// <summary>The hauler code a hauler account speaks for (its vehicles); null for every other role.</summary>
    public string? ScopeHaulerCode { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The district codes of <see cref="ScopeDistrictCodes"/>, in order, without blanks.</summary>
    public IReadOnlyList<string> DistrictCodes =>
        ScopeDistrictCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
