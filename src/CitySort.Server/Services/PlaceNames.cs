using CitySort.Policy;

namespace CitySort.Server.Services;

/// <summary>
/// The English names of registered places, which the division files do not carry: a district's from the profile
/// (else the registry), a street's from the profile's streets and areas when the profile names it.
/// </summary>
internal static class PlaceNames
{
    /// <summary>The English name of district <paramref name="code"/>: the profile's, else <paramref name="registered"/>, else null.</summary>
    public static string? DistrictEn(PolicyProfile profile, string code, string? registered) =>
        profile.District(code)?.Name.En ?? registered;

    /// <summary>The English name of the street with 9-digit <paramref name="code"/> when the profile names it, else null.</summary>
    public static string? StreetEn(PolicyProfile profile, string code, string? name) =>
        profile.Streets
            .Concat(profile.ResolveArea(code, name).SelectMany(a => a.Streets))
            .FirstOrDefault(d => d.Codes.Contains(code, StringComparer.Ordinal))?.Name.En;
}
