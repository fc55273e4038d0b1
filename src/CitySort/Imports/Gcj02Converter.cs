namespace CitySort.Imports;

/// <summary>
/// Converts points between GCJ-02 (国测局坐标, the datum of Chinese map providers) and WGS-84. The forward
/// transform is the published GCJ-02 offset formula (Krasovsky 1940 ellipsoid, a = 6378245 m,
/// e² = 0.00669342162296594323, polynomial-and-sine offsets in longitude - 105°, latitude - 35°); outside mainland
/// China's bounding box (longitude 72.004..137.8347, latitude 0.8293..55.8271) the offset is zero. The inverse has no
/// closed form: it is solved by fixed-point iteration until the forward transform of the estimate lands within
/// 1e-10 degrees (about 0.01 mm) of the input.
/// </summary>
public static class Gcj02Converter
{
    private const double SemiMajorAxisMetres = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;
    private const int MaxIterations = 50;
    private const double ToleranceDegrees = 1e-10;

    /// <summary>True when the point lies in the box where GCJ-02 applies an offset.</summary>
    /// <param name="longitude">Longitude in degrees.</param>
    /// <param name="latitude">Latitude in degrees.</param>
    public static bool IsInOffsetArea(double longitude, double latitude) =>
        longitude is >= 72.004 and <= 137.8347 && latitude is >= 0.8293 and <= 55.8271;

    /// <summary>Converts a WGS-84 point to GCJ-02.</summary>
    /// <param name="longitude">WGS-84 longitude in degrees.</param>
    /// <param name="latitude">WGS-84 latitude in degrees.</param>
    /// <returns>The GCJ-02 longitude and latitude in degrees.</returns>
    public static (double Longitude, double Latitude) FromWgs84(double longitude, double latitude)
    {
        if (!IsInOffsetArea(longitude, latitude))
        {
            return (longitude, latitude);
        }

        var (dLon, dLat) = Offset(longitude, latitude);
        return (longitude + dLon, latitude + dLat);
    }

    /// <summary>Converts a GCJ-02 point to WGS-84 by iterating the forward transform.</summary>
    /// <param name="longitude">GCJ-02 longitude in degrees.</param>
    /// <param name="latitude">GCJ-02 latitude in degrees.</param>
    /// <returns>The WGS-84 longitude and latitude in degrees; within about 1e-9 degrees of the exact inverse.</returns>
    public static (double Longitude, double Latitude) ToWgs84(double longitude, double latitude)
    {
        if (!IsInOffsetArea(longitude, latitude))
        {
            return (longitude, latitude);
        }

        var lon = longitude;
        var lat = latitude;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (gLon, gLat) = FromWgs84(lon, lat);
            var errLon = gLon - longitude;
            var errLat = gLat - latitude;
            lon -= errLon;
            lat -= errLat;
            if (Math.Abs(errLon) < ToleranceDegrees && Math.Abs(errLat) < ToleranceDegrees)
            {
                break;
            }
        }

        return (lon, lat);
    }

    private static (double DLon, double DLat) Offset(double longitude, double latitude)
    {
        var x = longitude - 105.0;
        var y = latitude - 35.0;
        var dLat = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)))
            + ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0
            + ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0
            + ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320.0 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        var dLon = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)))
            + ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0
            + ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0
            + ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        var radLat = latitude / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - (EccentricitySquared * magic * magic);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxisMetres * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxisMetres / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }
}
