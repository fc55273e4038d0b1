using CitySort.Imports;
using CitySort.Registry;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Imports;

public sealed class RealFileImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_2023_street_file_gives_the_real_street_counts_of_the_urban_districts()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using var file = TestFiles.Streets();

        var report = await db.Imports.ImportDivisionsAsync(file, "wenzhou_streets.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        await using var context = db.Context();
        var counts = await context.Streets.GroupBy(s => s.DistrictCode).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct);
        // wenzhou_streets.csv README: Lucheng 14, Longwan 10 (6 + the 4 development-zone streets), Ouhai 13, Dongtou 8.
        Assert.Equal(14, counts["330302"]);
        Assert.Equal(10, counts["330303"]);
        Assert.Equal(13, counts["330304"]);
        Assert.Equal(8, counts["330305"]);
        // 191 streets + 12 county-level units.
        Assert.Equal((191, 203), (report.RowsRead, report.Inserted));
    }

    [Fact]
    public async Task Importing_the_street_file_twice_changes_nothing_the_second_time()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var first = TestFiles.Streets())
        {
            await db.Imports.ImportDivisionsAsync(first, "wenzhou_streets.csv", Ct);
        }

        await using var second = TestFiles.Streets();
        var report = await db.Imports.ImportDivisionsAsync(second, "wenzhou_streets.csv", Ct);

        Assert.Equal((0, 0, 203), (report.Inserted, report.Updated, report.Unchanged));
    }

    [Fact]
    public async Task The_2021_community_file_keeps_the_development_zone_under_its_own_code_beside_the_2023_layout()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var streets = TestFiles.Streets())
        {
            await db.Imports.ImportDivisionsAsync(streets, "wenzhou_streets.csv", Ct);
        }

        await using var communities = TestFiles.Communities();
        var report = await db.Imports.ImportCommunitiesAsync(communities, "wenzhou_communities.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        await using var context = db.Context();
        string[] urban = ["330302", "330303", "330304", "330305", "330371"];
        var urbanCommunities = await context.Communities.CountAsync(c => urban.Contains(c.Street!.DistrictCode), Ct);
        // README: 169 + 75 + 204 + 94 + 49 = 591 village-level rows in the urban area.
        Assert.Equal(591, urbanCommunities);
        Assert.Equal(10, await context.Streets.CountAsync(s => s.DistrictCode == "330303", Ct));
        Assert.Equal(
            ["330371005", "330371008", "330371009", "330371011"],
            await context.Streets.Where(s => s.DistrictCode == "330371").OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(Ct));
    }

    [Fact]
    public async Task Importing_the_community_file_twice_changes_nothing_the_second_time()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var first = TestFiles.Communities())
        {
            await db.Imports.ImportCommunitiesAsync(first, "wenzhou_communities.csv", Ct);
        }

        await using var second = TestFiles.Communities();
        var report = await db.Imports.ImportCommunitiesAsync(second, "wenzhou_communities.csv", Ct);

        Assert.True(report.Succeeded);
        Assert.Equal((0, 0), (report.Inserted, report.Updated));
        Assert.Equal(3693, report.RowsRead);
    }

    [Fact]
    public async Task The_boundary_file_gives_twelve_districts_converted_from_GCJ02_with_the_datum_recorded()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using var file = TestFiles.Boundaries();

        var report = await db.Imports.ImportBoundariesAsync(file, "wenzhou_districts.geojson", CoordinateDatum.Gcj02, Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((12, 12), (report.RowsRead, report.Inserted));
        await using var context = db.Context();
        var lucheng = await context.Districts.SingleAsync(d => d.Code == "330302", Ct);
        Assert.Equal(CoordinateDatum.Gcj02, lucheng.BoundarySourceDatum);
        Assert.False(lucheng.BoundaryIsIllustrative);
        Assert.StartsWith("{\"type\":\"MultiPolygon\"", lucheng.BoundaryGeoJson, StringComparison.Ordinal);
        // The file's bbox west edge is 120.385111 (GCJ-02); WGS-84 lies about 0.005 degrees further west around Wenzhou.
        Assert.InRange(120.385111 - lucheng.MinLongitude!.Value, 0.003, 0.007);
    }

    [Fact]
    public async Task Importing_the_boundary_file_twice_changes_nothing_the_second_time()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var first = TestFiles.Boundaries())
        {
            await db.Imports.ImportBoundariesAsync(first, "wenzhou_districts.geojson", CoordinateDatum.Gcj02, Ct);
        }

        await using var second = TestFiles.Boundaries();
        var report = await db.Imports.ImportBoundariesAsync(second, "wenzhou_districts.geojson", CoordinateDatum.Gcj02, Ct);

        Assert.Equal((0, 0, 12), (report.Inserted, report.Updated, report.Unchanged));
    }
}
