using CitySort.Imports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CitySort.Tests.Imports;

public sealed class Gcj02ConverterTests
{
    [Property(MaxTest = 500)]
    public Property A_point_survives_WGS84_to_GCJ02_and_back_within_a_metre()
    {
        // Anywhere in the offset area of mainland China (longitude 73..135, latitude 18..53).
        var points = Gen.Choose(0, 1_000_000).Two().Select(t => (Lon: 73.0 + (t.Item1 * 62.0 / 1_000_000), Lat: 18.0 + (t.Item2 * 35.0 / 1_000_000)));
        return Prop.ForAll(points.ToArbitrary(), p =>
        {
            var (gLon, gLat) = Gcj02Converter.FromWgs84(p.Lon, p.Lat);
            var (lon, lat) = Gcj02Converter.ToWgs84(gLon, gLat);
            return MetresBetween(p.Lon, p.Lat, lon, lat) < 1.0;
        });
    }

    [Fact]
    public void Around_Wenzhou_the_GCJ02_offset_is_a_few_hundred_metres()
    {
        // README of the boundary data: offset of roughly half a kilometre around Wenzhou.
        var (lon, lat) = Gcj02Converter.FromWgs84(120.655, 28.015);

        Assert.InRange(MetresBetween(120.655, 28.015, lon, lat), 300, 800);
    }

    [Fact]
    public void Points_outside_China_are_left_as_they_are()
    {
        Assert.Equal((2.35, 48.85), Gcj02Converter.ToWgs84(2.35, 48.85));
    }

    private static double MetresBetween(double lon1, double lat1, double lon2, double lat2)
    {
        // Equirectangular approximation; exact enough for distances under a few kilometres.
        const double EarthRadiusMetres = 6_371_000;
        var x = (lon2 - lon1) * Math.PI / 180 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = (lat2 - lat1) * Math.PI / 180;
        return Math.Sqrt((x * x) + (y * y)) * EarthRadiusMetres;
    }
}
