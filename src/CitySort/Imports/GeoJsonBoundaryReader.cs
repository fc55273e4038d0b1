using System.Globalization;
using System.Text;
using System.Text.Json;
using CitySort.Policy;
using CitySort.Registry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CitySort.Imports;

/// <summary>
/// Reads district boundaries from a GeoJSON FeatureCollection (RFC 7946 layout; docs/formats.md). Each feature needs a
/// 6-digit district code in <c>properties.adcode</c> (number or string) or <c>properties.code</c>, and a Polygon or
/// MultiPolygon geometry whose rings are closed, have at least 4 positions, lie on the globe and do not cross
/// themselves. Coordinates in GCJ-02 are converted to WGS-84 (<see cref="Gcj02Converter"/>); the output geometry keeps
/// 7 decimals (about 1 cm).
/// </summary>
internal static class GeoJsonBoundaryReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly GeometryFactory Factory = new();

    public static List<BoundaryFeature> Read(byte[] bytes, string file, CoordinateDatum datum, List<ImportProblem> problems)
    {
        var features = new List<BoundaryFeature>();
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var utf8 = start == 0 ? bytes : bytes[start..];
        if (Utf8Text.FirstInvalidByte(utf8) is { } bad)
        {
            var (badLine, badColumn) = JsonPositionMap.LinesOnly(utf8).PositionOf(bad);
            problems.Add(new Why(
                "文件不是 UTF-8 文本（可能存成了 GBK/ANSI）：请另存为 UTF-8 后重新导入",
                "the file is not UTF-8 text (it may have been saved as GBK/ANSI): save it as UTF-8 and import it again").At(file, badLine, badColumn, null));
            return features;
        }

        // A string escape that is no character (a lone surrogate such as "\ud800") passes the parser but cannot be read.
        if (JsonStringCheck.FirstUnreadableString(utf8, ReaderOptions) is { } unreadable)
        {
            var (stringLine, stringColumn) = JsonPositionMap.LinesOnly(utf8).PositionOf(unreadable);
            problems.Add(new Why(
                "此处字符串含有不成字符的转义（如单独的代理项 \\ud800）：请写出字符本身或完整的代理对",
                "the string here holds an escape that is no character (a lone surrogate such as \\ud800): write the character itself or a complete pair").At(file, stringLine, stringColumn, null));
            return features;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var why = FirstSentence(e.Message);
            problems.Add(new Why("文件不是有效的 JSON：" + why, "the file is not valid JSON: " + why).At(file, line, column, null));
            return features;
        }

        using (document)
        {
            var index = JsonPositionMap.Build(utf8, ReaderOptions);
            (int Line, int Column) Locate(string path) => index.Find(path) ?? (1, 1);
            void Problem(string path, Why why)
            {
                var (line, column) = Locate(path);
                problems.Add(why.At(file, line, column, path));
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var rootType) || rootType.ValueKind != JsonValueKind.String
                || rootType.GetString() != "FeatureCollection")
            {
                Problem("$", new Why("文件须为 \"type\": \"FeatureCollection\" 的 GeoJSON 对象", "the file must be a GeoJSON object with \"type\": \"FeatureCollection\""));
                return features;
            }

            if (!root.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                Problem("$", new Why("FeatureCollection 没有 \"features\" 数组", "the FeatureCollection has no \"features\" array"));
                return features;
            }

            var positions = 0L;
            foreach (var feature in list.EnumerateArray())
            {
                if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
                    && g.TryGetProperty("coordinates", out var c))
                {
                    positions += CountPositions(c);
                }
            }

            if (positions > ImportLimits.MaxBoundaryPositions)
            {
                Problem("$.features", new Why(
                    $"文件共有 {positions} 个坐标点，超过边界导入上限 {ImportLimits.MaxBoundaryPositions} 个：请先简化边界（如 mapshaper 的 simplify）再导入",
                    $"the file holds {positions} positions, more than the {ImportLimits.MaxBoundaryPositions} a boundaries import takes: simplify the boundaries first (for example with mapshaper's simplify) and import again"));
                return features;
            }

            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var feature in list.EnumerateArray())
            {
                var path = $"$.features[{i++}]";
                var read = ReadFeature(feature, path, datum, Problem);
                if (read is null)
                {
                    continue;
                }

                if (seen.TryGetValue(read.Code, out var firstPath))
                {
                    var (firstLine, _) = Locate(firstPath);
                    Problem(path + ".properties", new Why($"区 {read.Code} 已在第 {firstLine} 行有一个要素", $"district {read.Code} already has a feature on line {firstLine}"));
                    continue;
                }

                seen.Add(read.Code, path);
                var (l, c) = Locate(path);
                features.Add(read with { Line = l, Column = c });
            }

            return features;
        }
    }

    private static BoundaryFeature? ReadFeature(JsonElement feature, string path, CoordinateDatum datum, Action<string, Why> problem)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "Feature")
        {
            problem(path, new Why("\"features\" 的每一项须为 \"type\": \"Feature\" 的对象", "each entry of \"features\" must be an object with \"type\": \"Feature\""));
            return null;
        }

        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            problem(path, new Why("要素没有含区代码的 \"properties\" 对象", "the feature has no \"properties\" object with the district code"));
            return null;
        }

        string? code = null;
        var codePath = path + ".properties.adcode";
        if (!properties.TryGetProperty("adcode", out var codeElement))
        {
            codePath = path + ".properties.code";
            properties.TryGetProperty("code", out codeElement);
        }

        code = codeElement.ValueKind switch
        {
            JsonValueKind.Number => codeElement.GetRawText(),
            JsonValueKind.String => codeElement.GetString(),
            _ => null,
        };
        var valid = true;
        if (!RegistryValidator.IsDivisionCode(code, RegistryValidator.DistrictCodeLength))
        {
            problem(codePath, code is null
                ? new Why("要素没有区代码：请把 6 位代码写在 properties.adcode", "the feature has no district code: put the 6-digit code in properties.adcode")
                : new Why($"“{code}”不是区代码：须为 6 位数字", $"'{code}' is not a district code: it must be exactly 6 digits"));
            valid = false;
        }

        var nameZh = properties.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString()) ? n.GetString()!.Trim() : null;
        var nameEn = properties.TryGetProperty("name_en", out var e) && e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()) ? e.GetString()!.Trim() : null;

        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            problem(path + ".geometry", new Why("要素没有 geometry 对象", "the feature has no geometry object"));
            return null;
        }

        var geometryType = geometry.TryGetProperty("type", out var gt) && gt.ValueKind == JsonValueKind.String ? gt.GetString() : null;
        if (geometryType is not ("Polygon" or "MultiPolygon"))
        {
            problem(path + ".geometry.type", new Why($"几何类型须为 Polygon 或 MultiPolygon，而不是 {geometryType ?? "空"}", $"the geometry type must be Polygon or MultiPolygon, not {geometryType ?? "missing"}"));
            return null;
        }

        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            problem(path + ".geometry.coordinates", new Why("几何没有 \"coordinates\" 数组", "the geometry has no \"coordinates\" array"));
            return null;
        }

        var coordinatesPath = path + ".geometry.coordinates";
        var polygons = new List<List<List<(double Lon, double Lat)>>>();
        if (geometryType == "Polygon")
        {
            var polygon = ReadPolygon(coordinates, coordinatesPath, problem);
            valid &= polygon is not null;
            if (polygon is not null)
            {
                polygons.Add(polygon);
            }
        }
        else
        {
            var p = 0;
            foreach (var element in coordinates.EnumerateArray())
            {
                var polygon = ReadPolygon(element, $"{coordinatesPath}[{p++}]", problem);
                valid &= polygon is not null;
                if (polygon is not null)
                {
                    polygons.Add(polygon);
                }
            }

            if (p == 0)
            {
                problem(coordinatesPath, new Why("MultiPolygon 中没有多边形", "the MultiPolygon has no polygons"));
                valid = false;
            }
        }

        if (!valid)
        {
            return null;
        }

        var shapes = new List<Polygon>(polygons.Count);
        for (var p = 0; p < polygons.Count; p++)
        {
            var nts = Factory.CreatePolygon(
                Factory.CreateLinearRing([.. polygons[p][0].Select(c => new Coordinate(c.Lon, c.Lat))]),
                [.. polygons[p].Skip(1).Select(r => Factory.CreateLinearRing([.. r.Select(c => new Coordinate(c.Lon, c.Lat))]))]);
            var error = new IsValidOp(nts).ValidationError;
            if (error is not null)
            {
                var where = geometryType == "Polygon" ? coordinatesPath : $"{coordinatesPath}[{p}]";
                var near = error.Coordinate.X.ToString(CultureInfo.InvariantCulture) + ", " + error.Coordinate.Y.ToString(CultureInfo.InvariantCulture);
                problem(where, new Why($"多边形无效（{error.Message}），位置约在 {near}", $"the polygon is not valid: {error.Message} near {near}"));
                return null;
            }

            shapes.Add(nts);
        }

        // Each polygon may be valid while together they are not (OGC simple features: the polygons of a MultiPolygon
        // may touch only at points); such a shape cannot be compared with the stored boundary or tested for points.
        if (shapes.Count > 1 && new IsValidOp(Factory.CreateMultiPolygon([.. shapes])).ValidationError is { } overlap)
        {
            var near = overlap.Coordinate.X.ToString(CultureInfo.InvariantCulture) + ", " + overlap.Coordinate.Y.ToString(CultureInfo.InvariantCulture);
            problem(coordinatesPath, new Why($"MultiPolygon 的多边形相互重叠或沿边相接（{overlap.Message}），位置约在 {near}", $"the polygons of the MultiPolygon overlap or share an edge: {overlap.Message} near {near}"));
            return null;
        }

        var converted = polygons.Select(polygon => polygon.Select(ring => ring.Select(c =>
        {
            var (lon, lat) = datum == CoordinateDatum.Gcj02 ? Gcj02Converter.ToWgs84(c.Lon, c.Lat) : (c.Lon, c.Lat);
            return (Lon: Math.Round(lon, 7), Lat: Math.Round(lat, 7));
        }).ToList()).ToList()).ToList();
        var all = converted.SelectMany(p => p).SelectMany(r => r).ToList();
        return new BoundaryFeature(
            code!, nameZh, nameEn, Write(geometryType, converted),
            all.Min(c => c.Lon), all.Min(c => c.Lat), all.Max(c => c.Lon), all.Max(c => c.Lat), path, 0, 0);
    }

    private static List<List<(double Lon, double Lat)>>? ReadPolygon(JsonElement element, string path, Action<string, Why> problem)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            problem(path, new Why("多边形须为非空的环数组", "a polygon must be a non-empty array of rings"));
            return null;
        }

        var rings = new List<List<(double, double)>>();
        var r = 0;
        foreach (var ringElement in element.EnumerateArray())
        {
            var ringPath = $"{path}[{r++}]";
            if (ringElement.ValueKind != JsonValueKind.Array)
            {
                problem(ringPath, new Why("环须为 [经度, 纬度] 位置的数组", "a ring must be an array of [longitude, latitude] positions"));
                return null;
            }

            var ring = new List<(double, double)>();
            var k = 0;
            foreach (var position in ringElement.EnumerateArray())
            {
                var positionPath = $"{ringPath}[{k++}]";
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
                {
                    problem(positionPath, new Why("位置须为数组 [经度, 纬度]", "a position must be an array [longitude, latitude]"));
                    return null;
                }

                var lonElement = position[0];
                var latElement = position[1];
                if (lonElement.ValueKind != JsonValueKind.Number || !lonElement.TryGetDouble(out var lon) || lon is < -180 or > 180)
                {
                    problem(positionPath + "[0]", new Why($"经度 {lonElement.GetRawText()} 不是 -180 到 180 之间的数", $"the longitude {lonElement.GetRawText()} is not a number between -180 and 180"));
                    return null;
                }

                if (latElement.ValueKind != JsonValueKind.Number || !latElement.TryGetDouble(out var lat) || lat is < -90 or > 90)
                {
                    problem(positionPath + "[1]", new Why($"纬度 {latElement.GetRawText()} 不是 -90 到 90 之间的数", $"the latitude {latElement.GetRawText()} is not a number between -90 and 90"));
                    return null;
                }

                ring.Add((lon, lat));
            }

            if (ring.Count < 4)
            {
                problem(ringPath, new Why($"环至少需要 4 个位置（末位重复首位），现有 {ring.Count} 个", $"a ring needs at least 4 positions (the first repeated at the end), not {ring.Count}"));
                return null;
            }

            if (ring[0] != ring[^1])
            {
                problem(ringPath, new Why("环未闭合：最后一个位置须与第一个相同", "the ring is not closed: its last position must repeat its first"));
                return null;
            }

            rings.Add(ring);
        }

        return rings;
    }

    /// <summary>The positions (arrays that start with a number) under <paramref name="element"/>.</summary>
    private static long CountPositions(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        var count = 0L;
        foreach (var child in element.EnumerateArray())
        {
            if (child.ValueKind == JsonValueKind.Number)
            {
                return 1;
            }

            count += CountPositions(child);
        }

        return count;
    }

    private static string Write(string type, List<List<List<(double Lon, double Lat)>>> polygons)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("coordinates");
            if (type == "MultiPolygon")
            {
                writer.WriteStartArray();
            }

            foreach (var polygon in polygons)
            {
                writer.WriteStartArray();
                foreach (var ring in polygon)
                {
                    writer.WriteStartArray();
                    foreach (var (lon, lat) in ring)
                    {
                        writer.WriteStartArray();
                        writer.WriteNumberValue(lon);
                        writer.WriteNumberValue(lat);
                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            if (type == "MultiPolygon")
            {
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { "LineNumber:", "Path:", "\n" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.Trim();
    }
}
