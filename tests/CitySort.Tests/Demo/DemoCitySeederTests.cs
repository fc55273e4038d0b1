using CitySort.Demo;
using CitySort.Tests.Imports;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Demo;

public sealed class DemoCitySeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_registry_is_seeded_once_and_a_second_call_writes_nothing()
    {
        await using var db = await TestDatabase.SqliteAsync();

        var first = await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);
        var second = await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);

        Assert.True(first.Seeded);
        Assert.Equal((16, 8), (first.Vehicles, first.DedicatedLines));
        Assert.False(second.Seeded);
        await using var context = db.Context();
        Assert.Equal(first.Sites, await context.Sites.CountAsync(Ct));
        Assert.True(await context.Districts.Where(d => d.Code == "330302").Select(d => d.BoundaryIsIllustrative).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_later_divisions_import_merges_the_short_list_by_code_and_gives_the_real_counts()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);

        await using var file = TestFiles.Streets();
        var report = await db.Imports.ImportDivisionsAsync(file, "wenzhou_streets.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        await using var context = db.Context();
        var counts = await context.Streets.GroupBy(s => s.DistrictCode).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct);
        Assert.Equal((14, 10, 13, 8), (counts["330302"], counts["330303"], counts["330304"], counts["330305"]));
        Assert.Equal(0, await context.Streets.CountAsync(s => s.Source == "demo", Ct));
    }

    [Fact]
    public async Task With_imported_boundaries_the_sites_lie_inside_the_real_district_boundaries()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var boundaries = TestFiles.Boundaries())
        {
            await db.Imports.ImportBoundariesAsync(boundaries, "wenzhou_districts.geojson", CitySort.Registry.CoordinateDatum.Gcj02, Ct);
        }

        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);

        await using var context = db.Context();
        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        var shapes = (await context.Districts.Where(d => d.BoundaryGeoJson != null).ToListAsync(Ct))
            .ToDictionary(d => d.Code, d => System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(d.BoundaryGeoJson!, options)!);
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        Assert.False(await context.Districts.AnyAsync(d => d.BoundaryIsIllustrative, Ct));
        var sites = await context.Sites.ToListAsync(Ct);
        // Points are rounded to 1e-6 degrees (about 0.1 m), hence the small buffer.
        Assert.All(sites, s => Assert.True(shapes[s.DistrictCode].Buffer(1e-5).Contains(factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(s.Longitude, s.Latitude))), s.Code));
    }

    [Fact]
    public async Task With_imported_divisions_the_demo_uses_the_real_streets_and_communities()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using (var streets = TestFiles.Streets())
        {
            await db.Imports.ImportDivisionsAsync(streets, "wenzhou_streets.csv", Ct);
        }

        await using (var communities = TestFiles.Communities())
        {
            await db.Imports.ImportCommunitiesAsync(communities, "wenzhou_communities.csv", Ct);
        }

        var result = await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);

        Assert.True(result.Seeded);
        await using var context = db.Context();
        Assert.Equal(0, await context.Streets.CountAsync(s => s.Source == "demo", Ct));
        var usedStreets = await context.Sites.Select(s => s.StreetCode).Distinct().CountAsync(Ct);
        // 14 + 10 + 13 + 8 = 45 urban streets of the 2023 file (the zone uses its 2023 codes first).
        Assert.Equal(45, usedStreets);
        Assert.True(await context.Sites.CountAsync(s => s.CommunityCode != null, Ct) > 0);
    }
}
