namespace CitySort.Imports;

/// <summary>One district boundary read from a GeoJSON feature, converted to WGS-84.</summary>
internal sealed record BoundaryFeature(
    string Code,
    string? NameZh,
    string? NameEn,
    string GeometryGeoJson,
    double MinLongitude,
    double MinLatitude,
    double MaxLongitude,
    double MaxLatitude,
    string Path,
    int Line,
    int Column);
