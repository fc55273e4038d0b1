using CitySort.Policy;

namespace CitySort.Registry;

/// <summary>
/// The English names of registered places, which the division files do not carry: a district's from the profile
/// (else the registry), a street's from the profile's streets and areas when the profile names it.
/// </summary>
public static class PlaceNames
{
    /// <summary>The English name of district <paramref name="code"/>: the profile's, else <paramref name="registered"/>, else null.</summary>
    /// <param name="profile">The profile in force.</param>
    /// <param name="code">The 6-digit district code.</param>
    /// <param name="registered">The English name the registry holds, or null.</param>
    /// <returns>The English name, or null when neither names it.</returns>
    public static string? DistrictEn(PolicyProfile profile, string code, string? registered)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.District(code)?.Name.En ?? registered;
    }

    /// <summary>The English name of the street with 9-digit <paramref name="code"/> when the profile names it, else null.</summary>
    /// <param name="profile">The profile in force.</param>
    /// <param name="code">The 9-digit street code (any vintage the profile lists).</param>
    /// <param name="name">The Chinese name as imported, which places a street of an area the profile names by name.</param>
    /// <returns>The English name, or null.</returns>
    public static string? StreetEn(PolicyProfile profile, string code, string? name)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Streets
            .Concat(profile.ResolveArea(code, name).SelectMany(a => a.Streets))
            .FirstOrDefault(d => d.Codes.Contains(code, StringComparer.Ordinal))?.Name.En;
    }
}
