using CitySort.Imports;
using CitySort.Registry;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Imports;

public sealed class SitesImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_site_row_is_stored_with_its_bins()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("LC-RC-0001")), "sites.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        await using var context = db.Context();
        var site = await context.Sites.Include(s => s.Bins).SingleAsync(Ct);
        Assert.Equal((SiteType.ResidentialCompound, 480, 6, true, true), (site.Type, site.Households, site.Floors, site.HasPropertyManagement, site.CollectedSorted));
        Assert.Equal(3, site.Bins.Count);
        Assert.Contains(site.Bins, b => b is { Category: WasteCategory.Hazardous, Placement: BinPlacement.PublicArea, Count: 1, VolumeLitres: 60 });
    }

    [Fact]
    public async Task A_GCJ02_point_is_converted_to_WGS84_and_recorded_as_converted()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);

        await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1", longitude: "120.660", latitude: "28.012", datum: "GCJ02")), "sites.csv", Ct);

        await using var context = db.Context();
        var site = await context.Sites.SingleAsync(Ct);
        var (lon, lat) = Gcj02Converter.ToWgs84(120.660, 28.012);
        Assert.Equal(CoordinateDatum.Gcj02, site.SourceDatum);
        Assert.Equal(Math.Round(lon, 7), site.Longitude);
        Assert.Equal(Math.Round(lat, 7), site.Latitude);
    }

    [Fact]
    public async Task Importing_the_same_sites_twice_changes_nothing_and_a_changed_bin_updates_only_its_site()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        var original = SitesCsv.Header + SitesCsv.Row("S1") + SitesCsv.Row("S2", datum: "gcj02");
        await db.Imports.ImportSitesAsync(TestFiles.Text(original), "sites.csv", Ct);

        var again = await db.Imports.ImportSitesAsync(TestFiles.Text(original), "sites.csv", Ct);
        var changed = await db.Imports.ImportSitesAsync(
            TestFiles.Text(SitesCsv.Header + SitesCsv.Row("S1") + SitesCsv.Row("S2", datum: "gcj02", bins: "recyclable/site/5/240;other/site/4/240")), "sites.csv", Ct);

        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Inserted, changed.Updated, changed.Unchanged));
        await using var context = db.Context();
        Assert.Equal(2, await context.Bins.CountAsync(b => b.SiteCode == "S2", Ct));
    }
}
