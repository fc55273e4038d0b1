using CitySort.Security;
using Microsoft.AspNetCore.Authorization;

namespace CitySort.Server.Security;

/// <summary>
/// Which roles each authorization policy admits: the role table of docs/security.md, in code. A district officer is
/// admitted only where the query services filter by the account's districts (<see cref="AccessScopes"/>); a policy
/// without a district filter leaves the district officer out. <see cref="AuthorizationPolicyNames.EventsWrite"/>
/// admits every caller because the device door authenticates the device itself (docs/events.md, "Doors"), and
/// <see cref="AuthorizationPolicyNames.PublicRead"/> is the anonymous public's. An endpoint that names no policy
/// needs a signed-in user of any role (the fallback policy), unless it allows anonymous callers (sign-in, health).
/// </summary>
internal static class AuthorizationPolicies
{
    private const string Admin = CitySortRoles.CityAdministrator;
    private const string Officer = CitySortRoles.CityOfficer;
    private const string District = CitySortRoles.DistrictOfficer;
    private const string Hauler = CitySortRoles.Hauler;
    private const string Inspector = CitySortRoles.Inspector;

    /// <summary>The roles of each policy that needs a signed-in user (the policies of <see cref="Open"/> need none).</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [AuthorizationPolicyNames.RegistryRead] = [Admin, Officer, District, Inspector],
        [AuthorizationPolicyNames.FleetRead] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.RegistryExport] = [Admin, Officer, District, Inspector],
        [AuthorizationPolicyNames.ApiReference] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.RegistryImport] = [Admin],
        [AuthorizationPolicyNames.RegistryEdit] = [Admin, Officer],
        [AuthorizationPolicyNames.ComplianceRead] = [Admin, Officer, District, Inspector],
        [AuthorizationPolicyNames.PolicyRead] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.PlansRead] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.PlansWrite] = [Admin, Officer],
        [AuthorizationPolicyNames.CollectionRead] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.LiveRead] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.ViolationsRead] = [Admin, Officer, District, Hauler, Inspector],
        [AuthorizationPolicyNames.ViolationsReview] = [Admin, Officer, District],
        [AuthorizationPolicyNames.ViolationsEvaluate] = [Admin, Officer],
        [AuthorizationPolicyNames.AuditRead] = [Admin],
        [AuthorizationPolicyNames.UsersManage] = [Admin],
    };

    /// <summary>The policies that admit every caller, signed in or not.</summary>
    public static IReadOnlyList<string> Open { get; } = [AuthorizationPolicyNames.EventsWrite, AuthorizationPolicyNames.PublicRead];

    /// <summary>Registers every policy of <see cref="AuthorizationPolicyNames.All"/>; a name with no rule here fails the start.</summary>
    /// <param name="options">The authorization options.</param>
    /// <exception cref="InvalidOperationException">When a policy name has no rule (so that a new name cannot stay open by mistake).</exception>
    public static void AddTo(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // An endpoint that names no policy and does not allow anonymous callers needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var name in AuthorizationPolicyNames.All)
        {
            if (Roles.TryGetValue(name, out var roles))
            {
                options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }
            else if (Open.Contains(name))
            {
                options.AddPolicy(name, p => p.RequireAssertion(_ => true));
            }
            else
            {
                throw new InvalidOperationException("The authorization policy " + name + " has no rule in AuthorizationPolicies.");
            }
        }
    }
}
