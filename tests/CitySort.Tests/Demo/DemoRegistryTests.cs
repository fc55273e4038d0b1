using CitySort.Demo;
using CitySort.Tests.Imports;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Demo;

/// <summary><c>citysort demo remove</c> takes every illustrative record out and leaves only the real ones (issue 10, defect 3).</summary>
public sealed class DemoRegistryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => ["sqlite", "postgresql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Demo_remove_after_seeding_and_importing_the_real_divisions_leaves_exactly_the_real_records(string provider)
    {
        await using var db = provider == "sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgreSqlAsync();
        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);
        await using (var streets = TestFiles.Streets())
        {
            Assert.True((await db.Imports.ImportDivisionsAsync(streets, "wenzhou_streets.csv", Ct)).Succeeded);
        }

        var real = SitesCsv.Header + SitesCsv.Row("REAL-0001");
        Assert.True((await db.Imports.ImportSitesAsync(TestFiles.Text(real), "sites.csv", Ct)).Succeeded);
        var demo = db.Demo;
        Assert.True((await demo.StatusAsync(Ct)).Present);

        var removal = await demo.RemoveAsync(Ct);

        Assert.True(removal.Succeeded, string.Join("; ", removal.Blockers));
        Assert.False((await demo.StatusAsync(Ct)).Present);
        await using var context = db.Context();
        // wenzhou_streets.csv: 191 streets under 12 districts, all from the file; the one real site; no fleet at all.
        Assert.Equal(191, await context.Streets.CountAsync(s => s.Source == "wenzhou_streets.csv", Ct));
        Assert.Equal(191, await context.Streets.CountAsync(Ct));
        Assert.Equal(12, await context.Districts.CountAsync(Ct));
        Assert.Equal(["REAL-0001"], await context.Sites.Select(s => s.Code).ToListAsync(Ct));
        Assert.Equal(0, await context.Bins.CountAsync(b => b.SiteCode != "REAL-0001", Ct));
        Assert.Equal((0, 0, 0, 0), (await context.Facilities.CountAsync(Ct), await context.Haulers.CountAsync(Ct), await context.Vehicles.CountAsync(Ct), await context.DedicatedLines.CountAsync(Ct)));
        Assert.Equal(0, await context.Districts.CountAsync(d => d.BoundaryGeoJson != null, Ct));
    }

    [Fact]
    public async Task A_registry_whose_demo_was_removed_is_not_seeded_again()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);
        await db.Demo.RemoveAsync(Ct);

        var again = await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);

        Assert.False(again.Seeded);
        await using var context = db.Context();
        Assert.Equal(0, await context.Sites.CountAsync(Ct));
    }

    [Fact]
    public async Task A_real_vehicle_of_a_demo_hauler_is_refused_so_that_removal_is_never_blocked()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);
        var fleet = db.Fleet;
        var csv = "plate,district_code,area_code,hauler_code,dedicated,capacity_kg,capacity_m3,sealed\n浙C12345,330302,330302,SAN-330302,other,8000,14,yes\n";

        var report = await fleet.ImportVehiclesAsync(TestFiles.Text(csv), "vehicles.csv", Ct);

        Assert.Equal(["vehicles.csv:2:4: hauler_code: 运输单位 SAN-330302 是示例（演示）记录：请先导入真实的运输单位 / hauler SAN-330302 is an illustrative demo record: import the real hauler first"], report.Problems.Select(p => p.ToString()));
    }
}
