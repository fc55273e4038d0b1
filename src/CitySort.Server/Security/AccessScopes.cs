using System.Security.Claims;
using CitySort.Security;
using CitySort.Server.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySort.Server.Security;

/// <summary>The <see cref="AccessScope"/> of a request's signed-in user, for the query services.</summary>
internal static class AccessScopes
{
    /// <summary>
    /// A district officer's districts (from the claims of <see cref="CitySortClaimsFactory"/>; none when the account
    /// names none, so that it sees nothing); a hauler's vehicles (no district); the whole city for every other role
    /// that passed the endpoint's policy.
    /// </summary>
    /// <param name="user">The request's principal.</param>
    public static AccessScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(CitySortRoles.DistrictOfficer))
        {
            return new AccessScope(user.FindAll(CitySortClaimTypes.District).Select(c => c.Value).ToList());
        }

        // A hauler without a hauler code in its account gets a code no hauler has: it sees no vehicle.
        return user.IsInRole(CitySortRoles.Hauler)
            ? AccessScope.OfHauler(user.FindFirst(CitySortClaimTypes.Hauler)?.Value ?? string.Empty)
            : AccessScope.City;
    }

    /// <summary>
    /// A 403 problem when the request names a district (or area) outside <paramref name="scope"/>, such as a Lucheng
    /// district code asked for by an Ouhai district officer; null when it names none or one in the scope.
    /// </summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="district">The district code or area id of the request, or null.</param>
    public static ProblemHttpResult? Refuses(this AccessScope scope, string? district)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return string.IsNullOrWhiteSpace(district) || scope.Allows(district.Trim())
            ? null
            : Problems.Make(
                StatusCodes.Status403Forbidden,
                "此账户只能查看本账户所辖的区，不含“" + district.Trim() + "”。",
                "This account works on its own districts only; '" + district.Trim() + "' is not one of them.");
    }

    /// <summary>The scope of <paramref name="context"/>'s user.</summary>
    /// <param name="context">The request.</param>
    public static AccessScope Scope(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.User);
    }
}
