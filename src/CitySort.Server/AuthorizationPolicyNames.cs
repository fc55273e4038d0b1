namespace CitySort.Server;

/// <summary>
/// The authorization policy names that the API's endpoint groups require. Which roles each admits is
/// <see cref="Security.AuthorizationPolicies"/>, documented as the role table of docs/security.md; the list is in docs/api.md.
/// </summary>
public static class AuthorizationPolicyNames
{
    /// <summary>Reading the registry: districts, streets, communities, sites with their bins, boundaries, the demo status.</summary>
    public const string RegistryRead = "registry.read";

    /// <summary>Writing the registry through file imports (divisions, communities, sites, boundaries).</summary>
    public const string RegistryImport = "registry.import";

    /// <summary>Editing the registry one record at a time: adding, changing and retiring sites and their bins, vehicles, facilities and lines.</summary>
    public const string RegistryEdit = "registry.edit";

    /// <summary>Reading compliance results: bin-rule gaps and coverage against W96-T1.</summary>
    public const string ComplianceRead = "compliance.read";

    /// <summary>Reading the policy profile.</summary>
    public const string PolicyRead = "policy.read";

    /// <summary>Reading the daily plans of the dedicated lines (W96-T3).</summary>
    public const string PlansRead = "plans.read";

    /// <summary>Making (or remaking) the daily plans of the dedicated lines.</summary>
    public const string PlansWrite = "plans.write";

    /// <summary>Reading the collection chain: KPIs from rollups, the list of refused events and the vehicle positions.</summary>
    public const string CollectionRead = "collection.read";

    /// <summary>
    /// Sending device events (<c>POST /api/events</c>). The device itself is authenticated by its key in the handler
    /// (docs/events.md, "Doors"); the policy admits every caller, signed in or not.
    /// </summary>
    public const string EventsWrite = "events.write";

    /// <summary>Reading the violations found in the collection chain and their evidence (W96-K5, W96-T3, W96-R1, W96-K3).</summary>
    public const string ViolationsRead = "violations.read";

    /// <summary>Confirming or dismissing violations (a district officer: those of the account's districts).</summary>
    public const string ViolationsReview = "violations.review";

    /// <summary>Running the day-end check of the whole city on request (<c>POST /api/violations/evaluate</c>).</summary>
    public const string ViolationsEvaluate = "violations.evaluate";

    /// <summary>The live dashboard's SignalR hub (<c>/hubs/live</c>): vehicle positions and batch notices as they come in.</summary>
    public const string LiveRead = "live.read";

    /// <summary>
    /// Reading the published progress page and its API (<c>GET /api/public/progress</c>, W96-A1): per district the
    /// coverage and the targets. Meant to be the one data policy that needs no sign-in.
    /// </summary>
    public const string PublicRead = "public.read";

    /// <summary>Reading and exporting the audit trail (<c>GET /api/audit</c>): who changed what, when and from where.</summary>
    public const string AuditRead = "audit.read";

    /// <summary>Listing the user accounts and changing their roles, scopes and state (<c>/api/users</c>): city administrators only.</summary>
    public const string UsersManage = "users.manage";

    /// <summary>Reading the fleet: facilities, vehicles and dedicated lines (a district officer: the account's districts' vehicles and lines).</summary>
    public const string FleetRead = "fleet.read";

    /// <summary>Exporting registry tables, coverage and gaps as CSV or Excel.</summary>
    public const string RegistryExport = "registry.export";

    /// <summary>Reading the OpenAPI document and the API reference page.</summary>
    public const string ApiReference = "api.reference";

    /// <summary>Every policy name above, for registration (read from the constants, so a new name cannot be left out).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuthorizationPolicyNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
