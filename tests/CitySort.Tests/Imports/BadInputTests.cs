using CitySort.Imports;
using CitySort.Registry;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Imports;

public sealed class BadInputTests
{
    private const string StreetsHeader = "code,name,district_code,district_name,city_code,province_code\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_column_is_named_and_nothing_is_written()
    {
        await using var db = await TestDatabase.SqliteAsync();

        var report = await db.Imports.ImportDivisionsAsync(TestFiles.Text("code,name,district_name\n330302006,五马街道,鹿城区\n"), "s.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("s.csv", 1, "district_code"), (problem.File, problem.Line, problem.Field));
        Assert.Contains("no column 'district_code'", problem.Reason, StringComparison.Ordinal);
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task A_bad_code_is_reported_at_its_line_and_column_and_no_good_row_is_written()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var csv = StreetsHeader + "330302006,五马街道,330302,鹿城区,3303,33\n33030202X,七都街道,330302,鹿城区,3303,33\n";

        var report = await db.Imports.ImportDivisionsAsync(TestFiles.Text(csv), "s.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("s.csv:3:1: code: “33030202X”不是街道代码：须为 9 位数字 / '33030202X' is not a street code: it must be exactly 9 digits", problem.ToString());
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_not_only_the_first()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var csv = StreetsHeader + "330302006,五马街道,330302,鹿城区,3303,33\n330304001,景山街道,330302,鹿城区,3303,33\n3303,x,330302,鹿城区,3303,33\n";

        var report = await db.Imports.ImportDivisionsAsync(TestFiles.Text(csv), "s.csv", Ct);

        Assert.Equal([3, 4], report.Problems.Select(p => p.Line).Distinct());
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task A_community_whose_code_does_not_start_with_its_street_code_is_rejected()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var csv = "code,name,street_code,street_name,district_code,district_name\n330302023044,鼓楼社区,330302006,五马街道,330302,鹿城区\n";

        var report = await db.Imports.ImportCommunitiesAsync(TestFiles.Text(csv), "c.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, 1), (problem.Line, problem.Column));
        Assert.Contains("does not start with its street code 330302006", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_in_an_unknown_district_is_rejected_as_an_unknown_parent()
    {
        await using var db = await TestDatabase.SqliteAsync();

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", district: "330399", street: "")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, 4, "district_code"), (problem.Line, problem.Column, problem.Field));
        Assert.Contains("not in the registry", problem.Reason, StringComparison.Ordinal);
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task A_site_in_an_unknown_district_with_a_street_names_the_unknown_district_first()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        // District 330399 does not exist; street 330302006 (imported) belongs to 330302, so the street problem follows.
        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", district: "330399")), "sites.csv", Ct);

        Assert.False(report.Succeeded);
        var first = report.Problems[0];
        Assert.Equal("district_code", first.Field);
        Assert.Contains("district 330399 is not in the registry", first.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_latitude_is_explained_with_a_latitude_example()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", latitude: "north")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("latitude", problem.Field);
        Assert.Contains("e.g. 28.0152", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_longitude_is_reported_at_its_column()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: "\"120,65\"")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        // longitude is the 8th column of SitesCsv.Header.
        Assert.Equal((2, 8, "longitude"), (problem.Line, problem.Column, problem.Field));
        await using var context = db.Context();
        Assert.Equal(0, await context.Sites.CountAsync(Ct));
    }

    [Fact]
    public async Task A_bad_bins_field_says_which_item_is_wrong()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", bins: "recyclable/site/2/240;green/site/2/240")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("bins", problem.Field);
        Assert.Contains("bin item 2 'green/site/2/240'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_code_twice_in_one_file_is_reported_with_the_first_line()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1") + SitesCsv.Row("S1")), "sites.csv", Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("already appears on line 2", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_JSON_is_reported_at_its_line_and_column()
    {
        await using var db = await TestDatabase.SqliteAsync();

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text("{\"type\":\"FeatureCollection\",\n\"features\":[}\n"), "b.geojson", CoordinateDatum.Wgs84, Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("b.geojson", 2), (problem.File, problem.Line));
        Assert.Contains("not valid JSON", problem.Reason, StringComparison.Ordinal);
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task JSON_that_is_not_a_FeatureCollection_is_rejected()
    {
        await using var db = await TestDatabase.SqliteAsync();

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text("[1, 2, 3]"), "b.geojson", CoordinateDatum.Wgs84, Ct);

        Assert.Contains("FeatureCollection", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_ring_is_reported_at_the_ring_with_its_JSON_path_and_nothing_is_written()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var json = "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + Feature("330302", "[[[120.6,28.0],[120.7,28.0],[120.7,28.1],[120.6,28.1],[120.6,28.0]]]") + ",\n"
            + Feature("330303", "[[[120.7,27.9],[120.8,27.9],[120.8,28.0],[120.7,28.0]]]") + "\n]}";

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text(json), "b.geojson", CoordinateDatum.Wgs84, Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("$.features[1].geometry.coordinates[0]", problem.Field);
        Assert.Equal(3, problem.Line);
        Assert.Contains("not closed", problem.Reason, StringComparison.Ordinal);
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task A_self_intersecting_ring_is_rejected()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var json = "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + Feature("330302", "[[[120.6,28.0],[120.7,28.1],[120.7,28.0],[120.6,28.1],[120.6,28.0]]]") + "\n]}";

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text(json), "b.geojson", CoordinateDatum.Wgs84, Ct);

        Assert.Contains("not valid", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_without_a_district_code_is_rejected_at_its_properties()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var json = "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + Feature("12345", "[[[120.6,28.0],[120.7,28.0],[120.7,28.1],[120.6,28.1],[120.6,28.0]]]") + "\n]}";

        var report = await db.Imports.ImportBoundariesAsync(TestFiles.Text(json), "b.geojson", CoordinateDatum.Wgs84, Ct);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("$.features[0].properties.adcode", problem.Field);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public async Task A_file_as_offices_export_it_is_accepted_with_BOM_CRLF_quotes_blank_lines_and_extra_columns()
    {
        await using var db = await TestDatabase.SqliteAsync();
        var csv = "\"code\",name,district_code,district_name,remarks\r\n"
            + "\"330302006\",\"五马街道\",330302,鹿城区,\"old town, centre\"\r\n"
            + "330302023,七都街道,330302,鹿城区,\r\n\r\n\r\n";

        var report = await db.Imports.ImportDivisionsAsync(TestFiles.Text(csv, bom: true), "s.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((2, 3), (report.RowsRead, report.Inserted));
    }

    [Fact]
    public async Task A_file_saved_as_GBK_is_rejected_with_the_line_of_the_first_non_UTF8_byte()
    {
        await using var db = await TestDatabase.SqliteAsync();
        // "五马街道" in GBK is CE E5 C2 ED BD D6 B5 C0, which is not valid UTF-8.
        byte[] gbk = [.. "code,name,district_code,district_name\n330302006,"u8, 0xCE, 0xE5, 0xC2, 0xED, 0xBD, 0xD6, 0xB5, 0xC0, .. ",330302,x\n"u8];

        var report = await db.Imports.ImportDivisionsAsync(new MemoryStream(gbk), "gbk.csv", Ct);

        var problem = Assert.Single(report.Problems);
        // Line 2, after the 10 characters "330302006,".
        Assert.Equal((2, 11), (problem.Line, problem.Column));
        Assert.Contains("not UTF-8", problem.Reason, StringComparison.Ordinal);
        await AssertEmptyAsync(db);
    }

    [Fact]
    public async Task An_empty_file_is_rejected_with_the_columns_it_needs()
    {
        await using var db = await TestDatabase.SqliteAsync();

        var report = await db.Imports.ImportCommunitiesAsync(TestFiles.Text(string.Empty), "empty.csv", Ct);

        Assert.Contains("street_code", Assert.Single(report.Problems).Reason, StringComparison.Ordinal);
    }

    private static string Feature(string code, string polygon) =>
        "{\"type\":\"Feature\",\"properties\":{\"adcode\":" + code + ",\"name\":\"区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + polygon + "}}";

    private static async Task AssertEmptyAsync(TestDatabase db)
    {
        await using var context = db.Context();
        Assert.Equal((0, 0, 0), (await context.Districts.CountAsync(Ct), await context.Streets.CountAsync(Ct), await context.Sites.CountAsync(Ct)));
    }
}
