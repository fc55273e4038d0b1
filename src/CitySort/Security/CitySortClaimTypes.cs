namespace CitySort.Security;

/// <summary>
/// The claims CitySort adds to a signed-in user's principal besides the Identity ones (the user name stays in
/// <see cref="System.Security.Claims.ClaimTypes.Name"/>, the role in <see cref="System.Security.Claims.ClaimTypes.Role"/>).
/// </summary>
public static class CitySortClaimTypes
{
    /// <summary>One district code of a district officer's scope (one claim per district).</summary>
    public const string District = "citysort:district";

    /// <summary>The hauler code of a hauler account.</summary>
    public const string Hauler = "citysort:hauler";
}
