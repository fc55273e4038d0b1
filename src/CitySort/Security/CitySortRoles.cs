namespace CitySort.Security;

/// <summary>
/// The roles of CitySort (issue 12; what each may do is the table of docs/security.md). Each is an Identity role of
/// that name; a user has exactly one. The anonymous public is no role: it is whoever is not signed in.
/// </summary>
public static class CitySortRoles
{
    /// <summary>City administrator (市级管理员): everything, including imports that replace the registry and user accounts.</summary>
    public const string CityAdministrator = "city-admin";

    /// <summary>City officer (市级工作人员): reads the whole city, edits the registry, makes plans, reviews violations.</summary>
    public const string CityOfficer = "city-officer";

    /// <summary>District officer (区级工作人员): reads and edits only the districts of the account's scope.</summary>
    public const string DistrictOfficer = "district-officer";

    /// <summary>Hauler (收运单位): speaks for its own vehicles.</summary>
    public const string Hauler = "hauler";

    /// <summary>Inspector (检查员): reads the city and its violations, records findings.</summary>
    public const string Inspector = "inspector";

    /// <summary>Every role, in the order of docs/security.md.</summary>
    public static IReadOnlyList<string> All { get; } = [CityAdministrator, CityOfficer, DistrictOfficer, Hauler, Inspector];

    /// <summary>
    /// The role named on the command line: a role name of <see cref="All"/>, or the short forms <c>admin</c>,
    /// <c>officer</c>, <c>district</c>; null when it names none.
    /// </summary>
    /// <param name="name">The name as typed (case-insensitive).</param>
    public static string? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "admin" or CityAdministrator => CityAdministrator,
        "officer" or CityOfficer => CityOfficer,
        "district" or DistrictOfficer => DistrictOfficer,
        Hauler => Hauler,
        Inspector => Inspector,
        _ => null,
    };
}
