using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

namespace CitySort.Imports;

/// <summary>
/// Simplifies a district boundary for display on the map with NetTopologySuite's
/// <see cref="TopologyPreservingSimplifier"/> (Douglas–Peucker that keeps rings simple and holes inside their shell).
/// The registry keeps the boundary as imported; only what the map draws is simplified.
/// </summary>
public static class BoundarySimplifier
{
    /// <summary>
    /// The display tolerance: 0.0002 degrees, about 20 m at Wenzhou's latitude (28° N), below what a district map at
    /// city scale shows.
    /// </summary>
    public const double DisplayToleranceDegrees = 0.0002;

    private static readonly System.Text.Json.JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Reads a stored GeoJSON Polygon or MultiPolygon (WGS-84 degrees).</summary>
    /// <param name="geoJson">The geometry object as stored in <c>District.BoundaryGeoJson</c>.</param>
    /// <returns>The geometry.</returns>
    /// <exception cref="System.Text.Json.JsonException">When the text is not a GeoJSON geometry.</exception>
    public static Geometry Read(string geoJson) =>
        System.Text.Json.JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson) ?? throw new System.Text.Json.JsonException("empty geometry");

    /// <summary>The stored boundary <paramref name="geoJson"/> simplified for display, as a GeoJSON geometry object.</summary>
    /// <param name="geoJson">A GeoJSON Polygon or MultiPolygon.</param>
    /// <param name="toleranceDegrees">The largest distance a removed position may lie from the kept line.</param>
    /// <returns>The simplified geometry as GeoJSON text (7 decimals are kept as they were).</returns>
    public static string ForDisplay(string geoJson, double toleranceDegrees = DisplayToleranceDegrees)
    {
        var geometry = Read(geoJson);
        var simplified = TopologyPreservingSimplifier.Simplify(geometry, toleranceDegrees);
        return System.Text.Json.JsonSerializer.Serialize(simplified, GeoJson);
    }
}
