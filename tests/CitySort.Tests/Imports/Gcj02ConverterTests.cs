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

    /// <summary>
    /// WGS-84 → GCJ-02 against the published reference points of the eviltransform project's test suite
    /// (github.com/googollee/eviltransform, python/test.py: Shanghai, Shenzhen and Beijing, given there as
    /// wgsLat, wgsLng, gcjLat, gcjLng), to 1e-9 degrees (0.1 mm).
    /// </summary>
    [Theory]
    [InlineData(31.1774276, 121.5272106, 31.17530398364597, 121.531541859215)] // Shanghai
    [InlineData(22.543847, 113.912316, 22.540796131694766, 113.9171764808363)] // Shenzhen
    [InlineData(39.911954, 116.377817, 39.91334545536069, 116.38404722455657)] // Beijing
    public void WGS84_to_GCJ02_gives_the_published_reference_points(double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        var (lon, lat) = Gcj02Converter.FromWgs84(wgsLng, wgsLat);

        Assert.Equal(gcjLng, lon, 1e-9);
        Assert.Equal(gcjLat, lat, 1e-9);
    }

    /// <summary>
    /// GCJ-02 → WGS-84 of the same reference points lands back on the published WGS-84 point within 1e-7 degrees
    /// (about 1 cm): the inverse has no closed form and is solved by iteration.
    /// </summary>
    [Theory]
    [InlineData(31.1774276, 121.5272106, 31.17530398364597, 121.531541859215)] // Shanghai
    [InlineData(22.543847, 113.912316, 22.540796131694766, 113.9171764808363)] // Shenzhen
    [InlineData(39.911954, 116.377817, 39.91334545536069, 116.38404722455657)] // Beijing
    public void GCJ02_to_WGS84_recovers_the_published_reference_points(double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        var (lon, lat) = Gcj02Converter.ToWgs84(gcjLng, gcjLat);

        Assert.Equal(wgsLng, lon, 1e-7);
        Assert.Equal(wgsLat, lat, 1e-7);
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
