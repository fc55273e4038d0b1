using CitySort.Tests.Storage;

namespace CitySort.Tests.Imports;

/// <summary>Builds small sites CSV files in the documented format (docs/formats.md).</summary>
internal static class SitesCsv
{
    public const string Header =
        "code,name,type,district_code,street_code,community_code,address,longitude,latitude,datum,households,staff,floors,"
        + "property_management,canteen,wet_dry_pilot,bagged_zone,kitchen_waste_heavy,collected_sorted,bins\n";

    public const string CompliantBins = "recyclable/site/4/240;other/site/4/240;hazardous/public-area/1/60";

    public static string Row(
        string code,
        string district = "330302",
        string street = "330302006",
        string longitude = "120.655",
        string latitude = "28.015",
        string datum = "WGS84",
        string bins = CompliantBins) =>
        $"{code},锦绣花园,residential-compound,{district},{street},,五马街100号,{longitude},{latitude},{datum},480,,6,yes,no,no,no,no,yes,{bins}\n";

    /// <summary>Imports the district 330302 and its street 330302006 that <see cref="Row"/> refers to.</summary>
    public static async Task ImportParentsAsync(TestDatabase db)
    {
        var csv = "code,name,district_code,district_name\n330302006,五马街道,330302,鹿城区\n";
        var report = await db.Imports.ImportDivisionsAsync(TestFiles.Text(csv), "parents.csv", TestContext.Current.CancellationToken);
        Assert.True(report.Succeeded);
    }
}
