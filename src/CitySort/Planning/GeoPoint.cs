namespace CitySort.Planning;

/// <summary>A WGS-84 point in decimal degrees (DESIGN.md, "Coordinates and time").</summary>
/// <param name="Longitude">Longitude in degrees east, −180..180.</param>
/// <param name="Latitude">Latitude in degrees north, −90..90.</param>
public readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>The mean Earth radius in metres used for great-circle distances (IUGG mean radius R1).</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The great-circle (haversine) distance to <paramref name="other"/> in metres.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>Metres along the sphere of radius <see cref="EarthRadiusMetres"/>.</returns>
    public double GreatCircleMetresTo(GeoPoint other)
    {
        const double ToRadians = Math.PI / 180;
        var phi1 = Latitude * ToRadians;
        var phi2 = other.Latitude * ToRadians;
        var dPhi = (other.Latitude - Latitude) * ToRadians;
        var dLambda = (other.Longitude - Longitude) * ToRadians;
        var h = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
