using System.Globalization;
using CitySort.Registry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CitySort.Imports;

/// <summary>
/// Where the registry says the city is, for checking imported points (docs/formats.md, "Plausible locations"). The
/// city's extent is the bounding box of the real (not illustrative) district boundaries in the registry, widened by
/// <see cref="CityMarginDegrees"/>; a site must lie in it, and, when its district has a boundary, within
/// <see cref="DistrictToleranceDegrees"/> of that boundary. Without any boundary the only check is that the point lies
/// in mainland China (the GCJ-02 offset box of <see cref="Gcj02Converter.IsInOffsetArea"/>): import the boundaries for
/// the closer checks.
/// </summary>
internal sealed class RegistryGeography
{
    /// <summary>How far beyond the boundaries' bounding box the city extends: 0.05° (about 5 km).</summary>
    public const double CityMarginDegrees = 0.05;

    /// <summary>How far outside its district's boundary a site may lie: 0.005° (about 500 m; boundaries are drawn for display).</summary>
    public const double DistrictToleranceDegrees = 0.005;

    private readonly Dictionary<string, (string Name, Geometry Shape, IPreparedGeometry Prepared)> districts;
    private readonly GeometryFactory factory = new();

    private RegistryGeography(Dictionary<string, (string, Geometry, IPreparedGeometry)> districts, Envelope? extent)
    {
        this.districts = districts;
        CityExtent = extent;
    }

    /// <summary>The city's extent (widened), or null when the registry has no real boundary.</summary>
    public Envelope? CityExtent { get; }

    /// <summary>The shapes of the districts that have a real boundary.</summary>
    /// <param name="all">The registry's districts.</param>
    public static RegistryGeography From(IEnumerable<District> all)
    {
        var shapes = new Dictionary<string, (string, Geometry, IPreparedGeometry)>(StringComparer.Ordinal);
        Envelope? extent = null;
        foreach (var district in all.Where(d => d.BoundaryGeoJson is not null && !d.BoundaryIsIllustrative))
        {
            var shape = BoundarySimplifier.Read(district.BoundaryGeoJson!);
            shapes[district.Code] = (district.NameZh, shape, PreparedGeometryFactory.Prepare(shape));
            extent ??= new Envelope();
            extent.ExpandToInclude(shape.EnvelopeInternal);
        }

        extent?.ExpandBy(CityMarginDegrees);
        return new RegistryGeography(shapes, extent);
    }

    /// <summary>Whether the WGS-84 point is a plausible place for a site of <paramref name="districtCode"/>; the reason when not.</summary>
    /// <param name="longitude">WGS-84 longitude, degrees.</param>
    /// <param name="latitude">WGS-84 latitude, degrees.</param>
    /// <param name="districtCode">The district the row names.</param>
    /// <returns>Null when plausible, else why not.</returns>
    public Why? Check(double longitude, double latitude, string districtCode)
    {
        var at = Text(longitude) + ", " + Text(latitude);
        if (CityExtent is null)
        {
            if (Gcj02Converter.IsInOffsetArea(longitude, latitude))
            {
                return null;
            }

            return new Why(
                $"位置（{at}）不在中国大陆范围内：请核对坐标（先经度、后纬度）",
                $"the point ({at}) is not in mainland China: check the coordinates (longitude first, latitude second)");
        }

        if (!CityExtent.Contains(longitude, latitude))
        {
            var box = $"{Text(CityExtent.MinX)}..{Text(CityExtent.MaxX)}, {Text(CityExtent.MinY)}..{Text(CityExtent.MaxY)}";
            return new Why(
                $"位置（{at}）不在本市范围内（经度、纬度 {box}，即登记库中各区边界外扩约 5 公里）",
                $"the point ({at}) is outside the city (longitude, latitude {box}: the district boundaries in the registry widened by about 5 km)");
        }

        if (!districts.TryGetValue(districtCode, out var own))
        {
            return null;
        }

        var point = factory.CreatePoint(new Coordinate(longitude, latitude));
        if (own.Prepared.Contains(point) || own.Shape.IsWithinDistance(point, DistrictToleranceDegrees))
        {
            return null;
        }

        var other = districts.FirstOrDefault(d => d.Value.Prepared.Contains(point));
        var inOther = other.Key is null ? (Zh: string.Empty, En: string.Empty) : (Zh: $"，而在 {other.Key} {other.Value.Name} 境内", En: $"; it lies in district {other.Key} {other.Value.Name}");
        return new Why(
            $"位置（{at}）在 {districtCode} {own.Name} 的区界之外（超过约 500 米）{inOther.Zh}：请核对坐标或区代码",
            $"the point ({at}) is outside the boundary of district {districtCode} {own.Name} (by more than about 500 m){inOther.En}: check the coordinates or the district code");
    }

    /// <summary>
    /// Whether a new boundary may replace what the registry expects of district <paramref name="code"/>: it must
    /// overlap the district's previous real boundary, or, for a district without one, lie near the city's extent.
    /// </summary>
    /// <param name="code">The district code.</param>
    /// <param name="boundary">The new boundary (WGS-84).</param>
    /// <param name="others">Other real boundaries of the same file (code → envelope), so that a first import of a whole city checks its features against each other.</param>
    /// <returns>Null when it does, else why not.</returns>
    public Why? CheckMove(string code, Geometry boundary, IReadOnlyDictionary<string, Envelope> others)
    {
        var box = Box(boundary.EnvelopeInternal);
        if (districts.TryGetValue(code, out var previous))
        {
            return previous.Shape.Intersects(boundary)
                ? null
                : new Why(
                    $"区 {code} {previous.Name} 的新边界（{box}）与原边界（{Box(previous.Shape.EnvelopeInternal)}）毫无重叠：如确属迁移，请加 --allow-moved-boundary（接口：allowMovedBoundary=true）重新导入",
                    $"the new boundary of district {code} {previous.Name} ({box}) does not overlap its previous boundary ({Box(previous.Shape.EnvelopeInternal)}): if the district really moved, import again with --allow-moved-boundary (API: allowMovedBoundary=true)");
        }

        var expected = new Envelope();
        foreach (var (otherCode, envelope) in others)
        {
            if (otherCode != code)
            {
                expected.ExpandToInclude(envelope);
            }
        }

        foreach (var (otherCode, shape) in districts)
        {
            if (otherCode != code)
            {
                expected.ExpandToInclude(shape.Shape.EnvelopeInternal);
            }
        }

        if (expected.IsNull)
        {
            return null;
        }

        expected.ExpandBy(CityMarginDegrees);
        return expected.Intersects(boundary.EnvelopeInternal)
            ? null
            : new Why(
                $"区 {code} 的边界（{box}）远离本市其他各区（{Box(expected)}）：如确属本市，请加 --allow-moved-boundary（接口：allowMovedBoundary=true）重新导入",
                $"the boundary of district {code} ({box}) is far from the city's other districts ({Box(expected)}): if it really belongs to the city, import again with --allow-moved-boundary (API: allowMovedBoundary=true)");
    }

    private static string Box(Envelope e) => $"{Text(e.MinX)}..{Text(e.MaxX)}, {Text(e.MinY)}..{Text(e.MaxY)}";

    private static string Text(double degrees) => Math.Round(degrees, 4).ToString(CultureInfo.InvariantCulture);
}
