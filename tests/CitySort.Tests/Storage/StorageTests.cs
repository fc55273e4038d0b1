using CitySort.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Storage;

public sealed class StorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_SQLite_model_has_no_changes_missing_from_its_migrations()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await using var context = db.Context();

        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task The_PostgreSQL_model_has_no_changes_missing_from_its_migrations()
    {
        // Checked offline: the model differ needs no server.
        var options = new DbContextOptionsBuilder<CitySort.Storage.CitySortDbContext>();
        CitySort.Storage.StorageOptions.ForPostgreSql("Host=127.0.0.1;Database=unused").ApplyTo(options);
        await using var context = new CitySort.Storage.CitySortDbContext(options.Options);

        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task A_new_SQLite_file_is_created_migrated_and_in_WAL_mode()
    {
        await using var db = await TestDatabase.SqliteAsync();

        await using var connection = new SqliteConnection(db.Options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
        Assert.Empty(await db.Migrator.MigrateAsync(Ct));
    }

    [Fact]
    public async Task SQLite_round_trips_a_site_with_bins_and_a_facility_with_its_categories()
    {
        await using var db = await TestDatabase.SqliteAsync();

        await RoundTripAsync(db);
    }

    [Fact]
    public async Task PostgreSQL_migrates_and_round_trips_a_site_with_bins_and_a_facility_with_its_categories()
    {
        await using var db = await TestDatabase.PostgreSqlAsync();

        await using (var context = db.Context())
        {
            Assert.False(context.Database.HasPendingModelChanges());
            Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
        }

        await RoundTripAsync(db);
    }

    [Fact]
    public async Task PostgreSQL_imports_the_street_file_idempotently_and_takes_the_demo_city()
    {
        await using var db = await TestDatabase.PostgreSqlAsync();
        await using (var first = Imports.TestFiles.Streets())
        {
            await db.Imports.ImportDivisionsAsync(first, "wenzhou_streets.csv", Ct);
        }

        await using var second = Imports.TestFiles.Streets();
        var report = await db.Imports.ImportDivisionsAsync(second, "wenzhou_streets.csv", Ct);
        var seeded = await db.Seeder.SeedIfEmptyAsync(CitySort.Demo.DemoCitySpec.Default, 7, Ct);

        Assert.Equal((0, 0, 203), (report.Inserted, report.Updated, report.Unchanged));
        Assert.True(seeded.Seeded);
        await using var context = db.Context();
        Assert.Equal(seeded.Sites, await context.Sites.CountAsync(Ct));
    }

    private static async Task RoundTripAsync(TestDatabase db)
    {
        await using (var context = db.Context())
        {
            var district = new District { Code = "330302", NameZh = "鹿城区", NameEn = "Lucheng" };
            context.Districts.Add(district);
            context.Streets.Add(new Street { Code = "330302006", Name = "五马街道", DistrictCode = "330302" });
            context.Sites.Add(new Site
            {
                Code = "LC-RC-0001",
                Name = "锦绣花园",
                Type = SiteType.ResidentialCompound,
                DistrictCode = "330302",
                StreetCode = "330302006",
                Longitude = 120.6551234,
                Latitude = 28.0151234,
                SourceDatum = CoordinateDatum.Gcj02,
                Households = 480,
                Floors = 18,
                Bins = [new Bin { Category = WasteCategory.Recyclable, Placement = BinPlacement.EveryFloor, Count = 18, VolumeLitres = 60 }],
            });
            context.Facilities.Add(new Facility
            {
                Code = "KW-PLANT",
                Name = "餐厨垃圾处理厂",
                Kind = FacilityKind.KitchenWastePlant,
                AcceptedCategories = [WasteCategory.Kitchen],
                AcceptedStreams = [SpecialStream.Catering],
                GateFeeYuanPerTonne = 180.50m,
                DailyCapacityTonnes = 300m,
            });
            await context.SaveChangesAsync(Ct);
        }

        await using var read = db.Context();
        var site = await read.Sites.Include(s => s.Bins).SingleAsync(Ct);
        var facility = await read.Facilities.SingleAsync(Ct);
        Assert.Equal((120.6551234, CoordinateDatum.Gcj02, 18), (site.Longitude, site.SourceDatum, Assert.Single(site.Bins).Count));
        Assert.Equal([WasteCategory.Kitchen], facility.AcceptedCategories);
        Assert.Equal([SpecialStream.Catering], facility.AcceptedStreams);
        Assert.Equal(180.50m, facility.GateFeeYuanPerTonne);
    }
}
