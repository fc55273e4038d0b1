using System.Text;
using CitySort.Imports;
using CitySort.Registry;
using CitySort.Tests.Storage;

namespace CitySort.Tests.Imports;

/// <summary>
/// Issue 10 defects 10 and 12 at the import service: one size limit for every door, a limit on boundary positions,
/// boundaries simplified for display only, and every problem in Chinese and English.
/// </summary>
public sealed class LimitsAndLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Defect 10: the CLI and the API both call the service, so the service holds the one size limit.</summary>
    [Fact]
    public async Task A_file_over_the_import_limit_is_refused_before_it_is_read()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var big = new MemoryStream(new byte[ImportLimits.MaxFileBytes + 1]);

        var report = await db.Imports.ImportBoundariesAsync(big, "big.geojson", CoordinateDatum.Wgs84, Ct);

        var problem = Assert.Single(report.Problems);
        // 16 MiB + 1 byte = 16.0 MB, over the 16 MB limit.
        Assert.Contains("more than the 16 MB an import takes", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("超过导入上限 16 MB", problem.ReasonZh, StringComparison.Ordinal);
    }

    /// <summary>Defect 10: a boundary of 1.9 M points is refused, however it arrives.</summary>
    [Fact]
    public async Task A_boundaries_file_with_more_positions_than_the_limit_is_refused()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var ring = Circle(ImportLimits.MaxBoundaryPositions + 1);

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text(Collection(ring)), "dense.geojson", CoordinateDatum.Wgs84, Ct);

        Assert.Contains($"holds {ImportLimits.MaxBoundaryPositions + 1} positions", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
    }

    /// <summary>Defect 10: the display copy has far fewer positions than the stored boundary, which is kept whole.</summary>
    [Fact]
    public void A_dense_boundary_is_simplified_for_display_and_keeps_its_shape()
    {
        // 10 001 positions on a circle of radius 0.1 degrees: neighbours 0.00006 degrees apart, far below the 0.0002 tolerance.
        var geometry = """{"type":"Polygon","coordinates":[""" + Circle(10_001) + "]}";

        var display = BoundarySimplifier.ForDisplay(geometry);

        var full = BoundarySimplifier.Read(geometry);
        var simplified = BoundarySimplifier.Read(display);
        Assert.True(simplified.NumPoints < full.NumPoints / 10, $"{simplified.NumPoints} of {full.NumPoints}");
        // The area of the circle, pi * 0.1^2 = 0.0314 square degrees, changes by less than 1 %.
        Assert.InRange(simplified.Area / full.Area, 0.99, 1.0);
        Assert.True(simplified.IsValid);
    }

    /// <summary>Defect 12: every reason of a bad file comes in Chinese as well as English.</summary>
    [Fact]
    public async Task Every_problem_of_a_bad_sites_file_has_a_Chinese_reason()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        var csv = SitesCsv.Header
            + SitesCsv.Row("S1", longitude: "east")
            + SitesCsv.Row("S2", datum: "bd09")
            + SitesCsv.Row("S3", bins: "green/site/2/240")
            + SitesCsv.Row("S1", district: "330399");

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(csv), "sites.csv", Ct);

        Assert.True(report.Problems.Count >= 4, string.Join("\n", report.Problems));
        Assert.All(report.Problems, p => Assert.False(string.IsNullOrEmpty(p.ReasonZh), p.ToString()));
        Assert.All(report.Problems, p => Assert.Contains(p.ReasonZh!, p.ToString(), StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.ReasonZh!.Contains("不是数字", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_GBK_file_is_refused_in_Chinese_and_English_at_its_first_bad_byte()
    {
        await using var db = await TestDatabase.SqliteAsync();
        // "code,name\n" then 0xC2 0xB9 ("鹿" in GBK) on line 2, character 1.
        var bytes = Encoding.ASCII.GetBytes("code,name,district_code,district_name\n").Concat(new byte[] { 0xC2, 0x3F }).ToArray();

        var report = await db.Imports.ImportDivisionsAsync(new MemoryStream(bytes), "gbk.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, 1), (problem.Line, problem.Column));
        Assert.Contains("UTF-8", problem.ReasonZh, StringComparison.Ordinal);
    }

    private static string Circle(int positions)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < positions; i++)
        {
            var angle = i == positions - 1 ? 0 : 2 * Math.PI * i / (positions - 1);
            text.Append(i == 0 ? "[" : ",[")
                .Append((120.65 + (0.1 * Math.Cos(angle))).ToString("0.0000000", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append((28.0 + (0.1 * Math.Sin(angle))).ToString("0.0000000", System.Globalization.CultureInfo.InvariantCulture)).Append(']');
        }

        return text.Append(']').ToString();
    }

    private static string Collection(string ring) =>
        """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":330302,"name":"鹿城区"},"geometry":{"type":"Polygon","coordinates":["""
        + ring + "]}}]}";
}
