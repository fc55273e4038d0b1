namespace CitySort.Registry;

/// <summary>
/// The datum a coordinate arrived in. Points are stored in WGS-84 with the datum of arrival recorded; GCJ-02 input is
/// converted explicitly, never guessed (DESIGN.md, "Coordinates and time").
/// </summary>
public enum CoordinateDatum
{
    /// <summary>WGS-84 (GPS, OpenStreetMap; EPSG:4326).</summary>
    Wgs84 = 1,

    /// <summary>GCJ-02 (国测局坐标), the obfuscated datum of Chinese map providers and most phones.</summary>
    Gcj02 = 2,
}
