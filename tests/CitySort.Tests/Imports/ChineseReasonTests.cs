using System.Text;
using CitySort.Imports;
using CitySort.Registry;
using CitySort.Tests.Storage;

namespace CitySort.Tests.Imports;

/// <summary>
/// Every problem an importer finds carries its reason in Chinese (the dashboard's default language) as well as in
/// English: hostile files of every kind of import, each row broken in another way, and not one reason may come with an
/// empty Chinese text, the English again, or the English behind a Chinese lead.
/// </summary>
public sealed class ChineseReasonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_problem_of_a_hostile_divisions_communities_or_sites_file_has_a_Chinese_reason()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        var reports = new List<ImportReport>
        {
            await db.Imports.ImportDivisionsAsync(Text(
                "code,name,district_code,district_name\n"
                + "33030202X,五马街道,330302,鹿城区\n"   // not a street code
                + "330302007,,330302,鹿城区\n"           // no name
                + "330304001,景山街道,330302,鹿城区\n"   // not in its district
                + "330302008,X,33030,鹿城区\n"          // not a district code
                + "330302009," + new string('长', 201) + ",330302,鹿城区\n" // name too long
                + "330302010,甲,330302,鹿城\n"          // one district, two names
                + "330302010,乙,330302,鹿城区\n"),      // the same street twice
                "streets.csv", Ct),
            await db.Imports.ImportDivisionsAsync(Text("code,name\n330302006,五马街道\n"), "columns.csv", Ct),
            await db.Imports.ImportDivisionsAsync(new MemoryStream(Encoding.ASCII.GetBytes("code,name,district_code,district_name\n").Concat(new byte[] { 0xC2, 0x3F }).ToArray()), "gbk.csv", Ct),
            await db.Imports.ImportDivisionsAsync(Text(string.Empty), "empty.csv", Ct),
            await db.Imports.ImportCommunitiesAsync(Text(
                "code,name,street_code,street_name,district_code,district_name,households\n"
                + "330302023044,社区,330302006,五马街道,330302,鹿城区,10\n"  // not in its street
                + "330302006001,社区,330302006,五马,330302,鹿城区,10\n"      // one street, two names
                + "330302006002,社区,330302006,五马街道,330302,鹿城区,12a\n" // households not a number
                + "330302006003,社区,330302006,五马街道,330302,鹿城区,-3\n"  // negative households
                + "33030200600X,,330302006,五马街道,330302,鹿城区,\n"),       // not a community code, no name
                "communities.csv", Ct),
            await db.Imports.ImportSitesAsync(Text(
                SitesCsv.Header
                + SitesCsv.Row("S1", longitude: "east")
                + SitesCsv.Row("S2", latitude: "128.0")
                + SitesCsv.Row("S3", datum: "BD09")
                + SitesCsv.Row("S4", bins: "green/site/2/240")
                + SitesCsv.Row("S5", bins: "other/floor/2/240")
                + SitesCsv.Row("S6", bins: "other/site/2")
                + SitesCsv.Row("S7", district: "330399")
                + SitesCsv.Row("S8", street: "330302099")
                + SitesCsv.Row("S9", longitude: "2.35", latitude: "48.85")   // Paris
                + SitesCsv.Row("S10", longitude: "28.015", latitude: "120.655") // swapped
                + SitesCsv.Row("A B")
                + SitesCsv.Row("S1")
                + "S11,花园,flat,330302,330302006,,路,120.655,28.015,WGS84,-1,,,maybe,no,no,no,no,yes,\n"),
                "sites.csv", Ct),
        };

        AssertChinese(reports);
    }

    [Fact]
    public async Task Every_problem_of_a_hostile_boundaries_file_has_a_Chinese_reason()
    {
        await using var db = await TestDatabase.SqliteAsync();
        // Lucheng's boundary first, so that a square in Paris for it is a moved boundary.
        var lucheng = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":330302,\"name\":\"鹿城区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.0],[120.7,28.0],[120.7,28.1],[120.6,28.1],[120.6,28.0]]]}}]}";
        Assert.True((await db.Imports.ImportBoundariesAsync(Text(lucheng), "lucheng.geojson", CoordinateDatum.Wgs84, Ct)).Succeeded);
        var files = new[]
        {
            "{\"type\":\"FeatureCollection\",\"features\":[}",
            "{\"type\":\"Feature\"}",
            "{\"type\":\"FeatureCollection\"}",
            "{\"type\":\"FeatureCollection\",\"features\":[1]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":\"12345\",\"name\":\"某区\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.6,28.0]}}]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.0],[120.7,28.0],[120.7,28.1],[120.6,28.1],[120.6,28.0]]]}}]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":330302,\"name\":\"鹿城区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.0],[120.7,28.0],[120.7,28.1],[120.6,28.1]]]}}]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":330302,\"name\":\"鹿城区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.6,28.0],[120.7,28.1],[120.7,28.0],[120.6,28.1],[120.6,28.0]]]}}]}",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":330302,\"name\":\"鹿城区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.9],[2.3,48.8]]]}}]}",
        };
        var reports = new List<ImportReport>();
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            reports.Add(await db.Imports.ImportBoundariesAsync(Text(file), $"b{i}.geojson", CoordinateDatum.Wgs84, Ct));
        }

        Assert.All(reports, r => Assert.False(r.Succeeded, r.File));
        AssertChinese(reports);
    }

    [Fact]
    public async Task Every_problem_of_hostile_facilities_haulers_vehicles_and_lines_files_has_a_Chinese_reason()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        Assert.True((await db.Imports.ImportSitesAsync(Text(SitesCsv.Header + SitesCsv.Row("LC-RC-0001")), "sites.csv", Ct)).Succeeded);
        Assert.True((await db.Fleet.ImportFacilitiesAsync(Text("code,name,kind,accepts,longitude,latitude,datum,gate_fee_yuan_per_tonne,daily_capacity_tonnes\nKW-PLANT,厨余垃圾处理厂,kitchen-waste-plant,kitchen,120.7,28.0,WGS84,180,300\n"), "f0.csv", Ct)).Succeeded);
        Assert.True((await db.Fleet.ImportHaulersAsync(Text("code,name,licence,franchise\nSAN-LC,鹿城区环卫处,,\n"), "h0.csv", Ct)).Succeeded);
        Assert.True((await db.Fleet.ImportVehiclesAsync(Text("plate,district_code,area_code,hauler_code,dedicated,capacity_kg,capacity_m3,sealed\n浙CA1234,330302,330302,SAN-LC,hazardous,5000,8,yes\n"), "v0.csv", Ct)).Succeeded);
        var reports = new List<ImportReport>
        {
            await db.Fleet.ImportFacilitiesAsync(Text(
                "code,name,kind,accepts,longitude,latitude,datum,gate_fee_yuan_per_tonne,daily_capacity_tonnes,clause\n"
                + "A B,厂,incinerator,green,2.35,48.85,WGS84,-1,-5,\n"
                + "F-2,,landfill,,120.7,28.0,BD09,abc,,\n"
                + "F-3,厂,landfill,construction,east,north,WGS84,1,1,\n"),
                "f.csv", Ct),
            await db.Fleet.ImportHaulersAsync(Text("code,name,licence,franchise\nA B,,,\n"), "h.csv", Ct),
            await db.Fleet.ImportVehiclesAsync(Text(
                "plate,district_code,area_code,hauler_code,dedicated,capacity_kg,capacity_m3,sealed\n"
                + "ABC123,330399,nowhere,NOPE,green,0,0,maybe\n"
                + "浙CB1234,330302,330302,SAN-LC,kitchen,-5,abc,yes\n"),
                "v.csv", Ct),
            await db.Fleet.ImportLinesAsync(Text(
                "code,name,district_code,area_code,carries,facility_code,vehicle_plate,stops\n"
                + "A B,,330399,nowhere,green,NOPE,XYZ,\n"
                + "L-2,线,330302,330302,other,KW-PLANT,浙CA1234,LC-RC-0001;LC-RC-0001;NOPE-1\n"
                + "L-3,线,330302,330302,kitchen,KW-PLANT,浙CZ9999,LC-RC-0001\n"),
                "l.csv", Ct),
        };

        AssertChinese(reports);
    }

    private static MemoryStream Text(string text) => TestFiles.Text(text);

    private static void AssertChinese(IEnumerable<ImportReport> reports)
    {
        var problems = reports.SelectMany(r => r.Problems).ToList();
        Assert.True(problems.Count >= 10, "the hostile files gave only " + problems.Count + " problems");
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.ReasonZh), "no Chinese reason: " + p);
            Assert.NotEqual(p.Reason, p.ReasonZh);
            // Chinese text holds CJK ideographs; the fallback "字段 … 不符合登记规则：<English>" is English behind a Chinese lead.
            Assert.True(p.ReasonZh!.Any(c => c is >= '\u4e00' and <= '\u9fff'), "no Chinese in the Chinese reason: " + p);
            Assert.DoesNotContain("不符合登记规则", p.ReasonZh, StringComparison.Ordinal);
            Assert.False(p.ReasonZh.Contains(p.Reason, StringComparison.Ordinal), "the English inside the Chinese reason: " + p);
        });
    }
}
