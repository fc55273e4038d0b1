using System.Security.Claims;
using CitySort.Security;
using Microsoft.AspNetCore.Http;

namespace CitySort.Server.Security;

/// <summary>The <see cref="AccessScope"/> of a request's signed-in user, for the query services.</summary>
internal static class AccessScopes
{
    /// <summary>
    /// A district officer's districts (from the claims of <see cref="CitySortClaimsFactory"/>; none when the account
    /// names none, so that it sees nothing); the whole city for every other role that passed the endpoint's policy.
    /// </summary>
    /// <param name="user">The request's principal.</param>
    public static AccessScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(CitySortRoles.DistrictOfficer)
            ? new AccessScope(user.FindAll(CitySortClaimTypes.District).Select(c => c.Value).ToList())
            : AccessScope.City;
    }

    /// <summary>The scope of <paramref name="context"/>'s user.</summary>
    /// <param name="context">The request.</param>
    public static AccessScope Scope(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.User);
    }
}
