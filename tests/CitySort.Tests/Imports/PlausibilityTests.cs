using CitySort.Imports;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Imports;

/// <summary>
/// Issue 10 defects 5 and 9: a site import checks its points against the registry's geography and its bins against
/// the active profile; a boundary that does not overlap the district's previous one needs an explicit override.
/// </summary>
public sealed class PlausibilityTests
{
    /// <summary>Lucheng's boundary of about 0.2 degrees around its centre (a test shape, WGS-84).</summary>
    private const string LuchengSquare = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":330302,"name":"鹿城区"},
        "geometry":{"type":"Polygon","coordinates":[[[120.55,27.95],[120.75,27.95],[120.75,28.10],[120.55,28.10],[120.55,27.95]]]}}]}
        """;

    /// <summary>The same district drawn as a square in Paris (2.3°E, 48.8°N).</summary>
    private const string ParisSquare = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":330302,"name":"鹿城区"},
        "geometry":{"type":"Polygon","coordinates":[[[2.30,48.80],[2.40,48.80],[2.40,48.90],[2.30,48.90],[2.30,48.80]]]}}]}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Defect 5: with boundaries in the registry, points in Paris, New York and Shanghai are outside the city.</summary>
    [Theory]
    [InlineData("2.3522", "48.8566")] // Paris
    [InlineData("-74.0060", "40.7128")] // New York
    [InlineData("121.4737", "31.2304")] // Shanghai: in China, 370 km north of Wenzhou
    public async Task A_site_far_outside_the_city_is_refused_with_the_city_extent(string longitude, string latitude)
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        Assert.True((await db.Imports.ImportBoundariesAsync(TestFiles.Text(LuchengSquare), "b.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: longitude, latitude: latitude)), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, "longitude"), (problem.Line, problem.Field));
        // Extent: the square 120.55..120.75 x 27.95..28.10 widened by 0.05 degrees = 120.5..120.8 x 27.9..28.15.
        Assert.Contains("outside the city (longitude, latitude 120.5..120.8, 27.9..28.15", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("不在本市范围内", problem.ReasonZh, StringComparison.Ordinal);
        await using var context = db.Context();
        Assert.Equal(0, await context.Sites.CountAsync(Ct));
    }

    /// <summary>Defect 5: a point inside the city but outside the district the row names says so.</summary>
    [Fact]
    public async Task A_site_in_the_city_but_outside_its_district_is_refused()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        // A second district square east of Lucheng's: 120.80..120.90 x 27.95..28.10 (Longwan, shape for the test).
        const string TwoDistricts = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"adcode":330302,"name":"鹿城区"},"geometry":{"type":"Polygon","coordinates":[[[120.55,27.95],[120.75,27.95],[120.75,28.10],[120.55,28.10],[120.55,27.95]]]}},
            {"type":"Feature","properties":{"adcode":330303,"name":"龙湾区"},"geometry":{"type":"Polygon","coordinates":[[[120.80,27.95],[120.90,27.95],[120.90,28.10],[120.80,28.10],[120.80,27.95]]]}}]}
            """;
        Assert.True((await db.Imports.ImportBoundariesAsync(TestFiles.Text(TwoDistricts), "b.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);

        // 120.85 is 0.1 degrees (about 10 km) east of Lucheng's edge at 120.75, well beyond the 0.005-degree tolerance.
        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: "120.85", latitude: "28.0")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("outside the boundary of district 330302 鹿城区", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("it lies in district 330303 龙湾区", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_inside_its_district_is_imported()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        Assert.True((await db.Imports.ImportBoundariesAsync(TestFiles.Text(LuchengSquare), "b.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: "120.655", latitude: "28.015")), "sites.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
    }

    /// <summary>Defect 5 without boundaries: the only check is mainland China, and it still catches Paris.</summary>
    [Fact]
    public async Task Without_boundaries_a_site_outside_mainland_China_is_refused()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: "2.3522", latitude: "48.8566")), "sites.csv", Ct);

        Assert.Contains("not in mainland China", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapped_longitude_and_latitude_are_named_as_swapped()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: "28.015", latitude: "120.655")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("look swapped", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("经纬度似乎填反了", problem.ReasonZh, StringComparison.Ordinal);
    }

    /// <summary>Defect 5: a square in Paris does not replace Lucheng's boundary without the override.</summary>
    [Fact]
    public async Task A_boundary_that_does_not_overlap_the_previous_one_is_refused_without_the_override()
    {
        await using var db = await TestDatabase.SqliteAsync();
        Assert.True((await db.Imports.ImportBoundariesAsync(TestFiles.Text(LuchengSquare), "lucheng.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);

        var refused = await db.Imports.ImportBoundariesAsync(TestFiles.Text(ParisSquare), "paris.geojson", CoordinateDatum.Wgs84, Ct);

        var problem = Assert.Single(refused.Problems);
        Assert.Contains("does not overlap its previous boundary", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("--allow-moved-boundary", problem.Reason, StringComparison.Ordinal);
        await using var context = db.Context();
        Assert.Equal("lucheng.geojson", (await context.Districts.SingleAsync(d => d.Code == "330302", Ct)).BoundarySource);
    }

    [Fact]
    public async Task A_moved_boundary_is_accepted_with_the_override()
    {
        await using var db = await TestDatabase.SqliteAsync();
        Assert.True((await db.Imports.ImportBoundariesAsync(TestFiles.Text(LuchengSquare), "lucheng.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text(ParisSquare), "paris.geojson", CoordinateDatum.Wgs84, allowMovedBoundary: true, Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(1, report.Updated);
    }

    [Fact]
    public async Task The_real_boundary_file_imports_over_itself_without_the_override()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var first = TestFiles.Boundaries())
        {
            Assert.True((await db.Imports.ImportBoundariesAsync(first, "wenzhou_districts.geojson", CoordinateDatum.Gcj02, Ct)).Succeeded);
        }

        await using var second = TestFiles.Boundaries();
        var report = await db.Imports.ImportBoundariesAsync(second, "wenzhou_districts.geojson", CoordinateDatum.Gcj02, Ct);

        // 12 districts (README of geo/), each unchanged.
        Assert.Equal((0, 0, 12), (report.Inserted, report.Updated, report.Unchanged));
    }

    /// <summary>Defect 9: a profile without the Kitchen category refuses sites with Kitchen bins.</summary>
    [Fact]
    public async Task Kitchen_bins_are_refused_under_a_profile_without_the_Kitchen_category()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        var shipped = ProfileLoader.LoadDefault();
        var withoutKitchen = shipped with { Categories = [.. shipped.Categories.Where(c => c.Category != WasteCategory.Kitchen)] };
        var bins = SitesCsv.CompliantBins + ";kitchen/site/2/240";

        var report = await db.ImportsWith(withoutKitchen).ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", bins: bins)), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        // The fourth bin item of the row is the Kitchen one.
        Assert.Equal("bins", problem.Field);
        Assert.Contains("bin item 4: the category Kitchen is not in the active policy profile", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("Kitchen 不在当前政策配置", problem.ReasonZh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kitchen_bins_are_imported_under_the_shipped_profile()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", bins: SitesCsv.CompliantBins + ";kitchen/site/2/240")), "sites.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
    }
}
