using CitySort.Imports;
using CitySort.Registry;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Imports;

/// <summary>Facilities, haulers, vehicles and dedicated lines import as documented CSVs, all-or-nothing (issue 10, registry upkeep).</summary>
public sealed class FleetImportTests
{
    private const string Facilities =
        "code,name,kind,accepts,longitude,latitude,datum,gate_fee_yuan_per_tonne,daily_capacity_tonnes,clause\n"
        + "YQ-WTE,永强垃圾焚烧发电厂,waste-to-energy-plant,other,120.815,27.905,WGS84,110.5,1500,W96-F3\n"
        + "KW-PLANT,餐厨垃圾处理厂,Kitchen Waste Plant,kitchen;catering,120.79,27.945,WGS84,180,300,\n";

    private const string Haulers = "code,name,licence,franchise\nSAN-LC,鹿城区环卫处,,\n";
    private const string Vehicles = "plate,district_code,area_code,hauler_code,dedicated,capacity_kg,capacity_m3,sealed\n浙C·A1234,330302,330302,SAN-LC,kitchen,5000,8,yes\n";
    private const string Lines = "code,name,district_code,area_code,carries,facility_code,vehicle_plate,stops\nLC-L1,鹿城区厨余垃圾分运专线1,330302,330302,kitchen,KW-PLANT,浙CA1234,LC-RC-0001\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Facilities_haulers_vehicles_and_lines_import_in_order_and_a_second_import_changes_nothing()
    {
        await using var db = await RegistryWithOneSiteAsync();

        var first = new[]
        {
            await db.Fleet.ImportFacilitiesAsync(TestFiles.Text(Facilities), "facilities.csv", Ct),
            await db.Fleet.ImportHaulersAsync(TestFiles.Text(Haulers), "haulers.csv", Ct),
            await db.Fleet.ImportVehiclesAsync(TestFiles.Text(Vehicles), "vehicles.csv", Ct),
            await db.Fleet.ImportLinesAsync(TestFiles.Text(Lines), "lines.csv", Ct),
        };
        var second = await db.Fleet.ImportLinesAsync(TestFiles.Text(Lines), "lines.csv", Ct);

        Assert.All(first, r => Assert.True(r.Succeeded, string.Join("\n", r.Problems)));
        Assert.Equal([2, 1, 1, 1], first.Select(r => r.Inserted));
        Assert.Equal((0, 0, 1), (second.Inserted, second.Updated, second.Unchanged));
        await using var context = db.Context();
        var plant = await context.Facilities.SingleAsync(f => f.Code == "KW-PLANT", Ct);
        Assert.Equal((FacilityKind.KitchenWastePlant, 180m, 300m, false), (plant.Kind, plant.GateFeeYuanPerTonne, plant.DailyCapacityTonnes, plant.IsIllustrative));
        Assert.Equal([WasteCategory.Kitchen], plant.AcceptedCategories);
        Assert.Equal([SpecialStream.Catering], plant.AcceptedStreams);
        var vehicle = await context.Vehicles.SingleAsync(Ct);
        // The plate is stored without its separator: 浙C·A1234 -> 浙CA1234.
        Assert.Equal(("浙CA1234", WasteCategory.Kitchen, 5000, true), (vehicle.Plate, vehicle.DedicatedCategory!.Value, vehicle.CapacityKg, vehicle.Sealed));
        var line = await context.DedicatedLines.Include(l => l.Stops).SingleAsync(Ct);
        Assert.Equal(("KW-PLANT", "浙CA1234", "LC-RC-0001"), (line.FacilityCode, line.VehiclePlate, line.Stops.Single().SiteCode));
    }

    [Fact]
    public async Task A_facilities_file_with_bad_rows_lists_every_problem_with_its_place_and_writes_nothing()
    {
        await using var db = await RegistryWithOneSiteAsync();
        var csv = "code,name,kind,accepts,longitude,latitude,datum,gate_fee_yuan_per_tonne,daily_capacity_tonnes\n"
            + "P1,巴黎填埋场,landfill,other,2.35,48.85,WGS84,10,10\n"
            + "P2,焚烧厂,incinerator,other,120.6,28.0,WGS84,10,10\n"
            + "P3,填埋场,landfill,other,120.6,28.0,WGS84,-5,10\n"
            + "P4,绿色站,landfill,green,120.6,28.0,WGS84,1,1\n"
            + "YQ-WTE,永强,waste-to-energy-plant,other,120.815,27.905,WGS84,110,1500\n";

        var report = await db.Fleet.ImportFacilitiesAsync(TestFiles.Text(csv), "f.csv", Ct);

        Assert.Equal(
        [
            // No district boundary is registered, so the city's extent is mainland China's box (72.004..137.8347, 0.8293..55.8271).
            "f.csv:2:5: longitude: the point 2.35, 48.85 is outside mainland China (no district boundary is registered yet): longitude 72.004..137.835, latitude 0.829..55.827",
            "f.csv:3:3: kind: 'incinerator' is not a facility kind: use waste-to-energy-plant, landfill, kitchen-waste-plant, hazardous-waste-centre, construction-waste-site, recycling-centre, transfer-station",
            "f.csv:4:8: gate_fee_yuan_per_tonne: the gate fee must be 0 or more",
            "f.csv:5:4: accepts: 'green' is not a category or stream: use recyclable, hazardous, other, kitchen, catering, bulky or construction",
        ], report.Problems.Select(English));
        await using var context = db.Context();
        Assert.Equal(0, await context.Facilities.CountAsync(Ct));
    }

    [Fact]
    public async Task A_point_outside_the_registered_boundaries_is_refused_with_the_extent_it_must_lie_in()
    {
        await using var db = await RegistryWithOneSiteAsync();
        var square = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":330302,\"name\":\"鹿城区\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.5,27.9],[120.8,27.9],[120.8,28.1],[120.5,28.1],[120.5,27.9]]]}}]}";
        Assert.True((await db.Imports.ImportBoundariesAsync(TestFiles.Text(square), "b.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);
        var csv = "code,name,kind,accepts,longitude,latitude,datum,gate_fee_yuan_per_tonne,daily_capacity_tonnes\n"
            + "P1,站,landfill,other,120.6,28.0,WGS84,1,1\n"
            + "P2,站,landfill,other,121.5,28.0,WGS84,1,1\n";

        var report = await db.Fleet.ImportFacilitiesAsync(TestFiles.Text(csv), "f.csv", Ct);

        // The boundary's box 120.5..120.8 x 27.9..28.1, widened by 0.05 degrees: 120.45..120.85 x 27.85..28.15.
        Assert.Equal(["f.csv:3:5: longitude: the point 121.5, 28 is outside the registered district boundaries: longitude 120.45..120.85, latitude 27.85..28.15"], report.Problems.Select(English));
    }

    [Fact]
    public async Task Vehicles_and_lines_are_checked_against_the_plate_format_the_profile_and_the_registry()
    {
        await using var db = await RegistryWithOneSiteAsync();
        await db.Fleet.ImportFacilitiesAsync(TestFiles.Text(Facilities), "facilities.csv", Ct);
        await db.Fleet.ImportHaulersAsync(TestFiles.Text(Haulers), "haulers.csv", Ct);
        var vehicles = "plate,district_code,area_code,hauler_code,dedicated,capacity_kg,capacity_m3,sealed\n"
            + "ABC123,330302,330302,SAN-LC,other,8000,14,yes\n"
            + "浙C54321,330302,330302,NOPE,other,8000,14,yes\n";
        var lines = "code,name,district_code,area_code,carries,facility_code,vehicle_plate,stops\n"
            + "L1,线一,330302,330302,hazardous,KW-PLANT,,LC-RC-0001\n"
            + "L2,线二,330302,330302,kitchen,KW-PLANT,,LC-RC-0001;LC-RC-0001\n"
            + "L3,线三,330302,330302,kitchen,KW-PLANT,,NOPE-1\n";

        var vehicleReport = await db.Fleet.ImportVehiclesAsync(TestFiles.Text(vehicles), "v.csv", Ct);
        var lineReport = await db.Fleet.ImportLinesAsync(TestFiles.Text(lines), "l.csv", Ct);

        Assert.Equal(
        [
            "v.csv:2:1: plate: 'ABC123' is not a Chinese licence plate: a province character, a letter and 5 or 6 letters or digits, e.g. 浙C12345",
            "v.csv:3:4: hauler_code: hauler NOPE is not in the registry: import the haulers first",
        ], vehicleReport.Problems.Select(English));
        Assert.Equal(
        [
            "l.csv:2:6: facility_code: facility KW-PLANT does not accept Hazardous, which the line carries",
            "l.csv:3:8: stops: site LC-RC-0001 is listed twice: a line stops at each site once",
            "l.csv:4:8: stops: stop 1: site NOPE-1 is not in the registry: import the sites first",
        ], lineReport.Problems.Select(English));
        await using var context = db.Context();
        Assert.Equal((0, 0), (await context.Vehicles.CountAsync(Ct), await context.DedicatedLines.CountAsync(Ct)));
    }

    private static async Task<TestDatabase> RegistryWithOneSiteAsync()
    {
        var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        var sites = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + SitesCsv.Row("LC-RC-0001")), "sites.csv", Ct);
        Assert.True(sites.Succeeded, string.Join("\n", sites.Problems));
        return db;
    }

    /// <summary>A problem as file:line:column: field: the English reason (the Chinese reason is checked where it is tested).</summary>
    private static string English(ImportProblem p) =>
        p.Field is null ? $"{p.File}:{p.Line}:{p.Column}: {p.Reason}" : $"{p.File}:{p.Line}:{p.Column}: {p.Field}: {p.Reason}";
}
