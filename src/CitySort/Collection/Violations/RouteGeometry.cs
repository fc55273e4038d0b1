using CitySort.Planning;

namespace CitySort.Collection.Violations;

/// <summary>
/// Distances between GPS fixes and planned paths at city scale. A point's distance to a segment is measured in a
/// local plane around the point (equirectangular: x = Δlongitude × cos(latitude) × R, y = Δlatitude × R, R the mean
/// Earth radius of <see cref="GeoPoint.EarthRadiusMetres"/>), whose error over the few kilometres of a city leg is far
/// below the off-line distances of the profile. Pure functions.
/// </summary>
public static class RouteGeometry
{
    private const double ToRadians = Math.PI / 180;

    /// <summary>The shortest distance in metres from <paramref name="point"/> to the polyline <paramref name="path"/>.</summary>
    /// <param name="point">A fix.</param>
    /// <param name="path">The planned points in order (one point: the distance to it).</param>
    /// <returns>Metres; <see cref="double.PositiveInfinity"/> for an empty path.</returns>
    public static double DistanceToPathMetres(GeoPoint point, IReadOnlyList<GeoPoint> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            return double.PositiveInfinity;
        }

        if (path.Count == 1)
        {
            return point.GreatCircleMetresTo(path[0]);
        }

        var best = double.PositiveInfinity;
        for (var i = 1; i < path.Count; i++)
        {
            best = Math.Min(best, DistanceToSegmentMetres(point, path[i - 1], path[i]));
        }

        return best;
    }

    /// <summary>The shortest distance in metres from <paramref name="point"/> to the segment from <paramref name="a"/> to <paramref name="b"/>.</summary>
    /// <param name="point">A fix.</param>
    /// <param name="a">The segment's start.</param>
    /// <param name="b">The segment's end.</param>
    /// <returns>Metres in the local plane around <paramref name="point"/>.</returns>
    public static double DistanceToSegmentMetres(GeoPoint point, GeoPoint a, GeoPoint b)
    {
        var cos = Math.Cos(point.Latitude * ToRadians);
        var r = GeoPoint.EarthRadiusMetres;
        (double X, double Y) Local(GeoPoint g) => ((g.Longitude - point.Longitude) * ToRadians * cos * r, (g.Latitude - point.Latitude) * ToRadians * r);
        var (ax, ay) = Local(a);
        var (bx, by) = Local(b);
        var dx = bx - ax;
        var dy = by - ay;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1);
        var cx = ax + (t * dx);
        var cy = ay + (t * dy);
        return Math.Sqrt((cx * cx) + (cy * cy));
    }
}
