using System.Security.Claims;
using CitySort.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitySort.Server.Security;

/// <summary>
/// Builds a signed-in user's principal: Identity's claims (the user name as <see cref="ClaimTypes.Name"/>, the role as
/// <see cref="ClaimTypes.Role"/>) and the scope of the account (<see cref="CitySortClaimTypes"/>), so that the query
/// services filter by it without asking the database on every request.
/// </summary>
/// <param name="users">Identity's user manager.</param>
/// <param name="roles">Identity's role manager.</param>
/// <param name="options">The Identity options.</param>
internal sealed class CitySortClaimsFactory(UserManager<CitySortUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CitySortUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CitySortUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var district in user.DistrictCodes)
        {
            identity.AddClaim(new Claim(CitySortClaimTypes.District, district));
        }

        if (user.ScopeHaulerCode is { } hauler)
        {
            identity.AddClaim(new Claim(CitySortClaimTypes.Hauler, hauler));
        }

        return identity;
    }
}
