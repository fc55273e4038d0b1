using CitySort.Registry;

namespace CitySort.Imports;

/// <summary>
/// The one reader of datum names, used by the sites CSV, the import API and the command line alike:
/// <c>wgs84</c>, <c>WGS-84</c>, <c>WGS84</c>, <c>wgs_84</c> and <c>gcj02</c>, <c>GCJ-02</c>, <c>gcj-02</c>, <c>GCJ02</c>
/// (case-insensitive; '-', '_' and spaces ignored). Nothing else is accepted and nothing is guessed
/// (DESIGN.md, "Coordinates and time").
/// </summary>
public static class CoordinateDatumNames
{
    /// <summary>The reason given when a datum name is not understood, Chinese then English.</summary>
    public const string Expected = "坐标系须为 WGS84 或 GCJ02 / the datum must be WGS84 or GCJ02";

    /// <summary>Reads a datum name.</summary>
    /// <param name="text">The name as given, or null.</param>
    /// <param name="datum">The datum when the name is one of the accepted spellings.</param>
    /// <returns>True when <paramref name="text"/> names a datum.</returns>
    public static bool TryParse(string? text, out CoordinateDatum datum)
    {
        var key = text is null ? string.Empty : new string([.. text.Trim().ToLowerInvariant().Where(c => c is not ('-' or '_' or ' '))]);
        switch (key)
        {
            case "wgs84":
                datum = CoordinateDatum.Wgs84;
                return true;
            case "gcj02":
                datum = CoordinateDatum.Gcj02;
                return true;
            default:
                datum = default;
                return false;
        }
    }
}
