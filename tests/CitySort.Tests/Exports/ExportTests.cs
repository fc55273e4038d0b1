using ClosedXML.Excel;
using CitySort.Demo;
using CitySort.Exports;
using CitySort.Tests.Imports;
using CitySort.Tests.Storage;

namespace CitySort.Tests.Exports;

/// <summary>Registry tables, coverage and gaps export as CSV and Excel; no cell can become a formula (issue 10, exports).</summary>
public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sites_workbook_reads_back_with_its_values_and_a_formula_looking_name_as_text()
    {
        await using var db = await RegistryAsync("=1+2", "@SUM(A1)");

        var workbook = await ExportAsync(db, "sites", ExportFormat.Xlsx);

        using var book = new XLWorkbook(workbook);
        var sheet = book.Worksheet("sites");
        var columns = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var row = sheet.Row(2);
        Assert.Equal("S1", row.Cell(columns["code"]).GetString());
        Assert.Equal("'=1+2", row.Cell(columns["name"]).GetString());
        Assert.False(row.Cell(columns["name"]).HasFormula);
        Assert.Equal("'@SUM(A1)", row.Cell(columns["address"]).GetString());
        Assert.False(row.Cell(columns["address"]).HasFormula);
        // SitesCsv.Row: 480 households, 6 floors, the three compliant bin groups.
        Assert.Equal(480, row.Cell(columns["households"]).GetDouble());
        Assert.Equal(6, row.Cell(columns["floors"]).GetDouble());
        Assert.Equal("recyclable/site/4/240;other/site/4/240;hazardous/public-area/1/60", row.Cell(columns["bins"]).GetString());
        Assert.False(row.Cell(columns["is_illustrative"]).GetBoolean());
    }

    [Fact]
    public async Task The_CSV_export_neutralises_cells_that_begin_with_a_formula_character()
    {
        await using var db = await RegistryAsync("-2+3", "+cmd");

        var csv = await ExportAsync(db, "sites", ExportFormat.Csv);

        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        Assert.StartsWith("\uFEFFcode,name,type,", text, StringComparison.Ordinal);
        Assert.Contains("S1,'-2+3,residential-compound,330302,330302006,,'+cmd,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_sites_file_imports_again_unchanged()
    {
        await using var db = await RegistryAsync("锦绣花园", "五马街100号");
        var csv = await ExportAsync(db, "sites", ExportFormat.Csv);

        var report = await db.Imports.ImportSitesAsync(csv, "exported.csv", Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((0, 0, 1), (report.Inserted, report.Updated, report.Unchanged));
    }

    [Fact]
    public async Task Coverage_over_the_real_sites_is_kept_apart_from_coverage_over_all_while_the_demo_is_there()
    {
        await using var db = await TestDatabase.SqliteAsync();
        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);

        var coverage = await db.Exporter.ReadAsync("coverage", Ct);

        var urban = coverage!.Rows.Where(r => (string?)r[1] == "Urban" && r[4] is null).ToDictionary(r => (string)r[0]!, r => (int)r[8]!);
        // Only demo sites: the real coverage counts none of them, the overall one counts all.
        Assert.Equal(0, urban["real"]);
        Assert.True(urban["all"] > 0);
    }

    [Fact]
    public async Task The_gap_list_names_each_missing_bin_with_its_clause()
    {
        // A compound without its hazardous bin: W96-B1 asks for 1 in a public area, 0 present.
        await using var db = await RegistryAsync("锦绣花园", "五马街100号", bins: "recyclable/site/4/240;other/site/4/240");

        var gaps = await db.Exporter.ReadAsync("gaps", Ct);

        var gap = Assert.Single(gaps!.Rows);
        Assert.Equal(("S1", "W96-B1", "hazardous", "public-area", 1, 0), ((string)gap[0]!, (string)gap[4]!, (string)gap[6]!, (string)gap[7]!, (int)gap[8]!, (int)gap[9]!));
    }

    private static async Task<TestDatabase> RegistryAsync(string name, string address, string bins = SitesCsv.CompliantBins)
    {
        var db = await TestDatabase.SqliteAsync();
        await SitesCsv.ImportParentsAsync(db);
        var row = SitesCsv.Row("S1", bins: bins).Replace("锦绣花园", name, StringComparison.Ordinal).Replace("五马街100号", address, StringComparison.Ordinal);
        var report = await db.Imports.ImportSitesAsync(TestFiles.Text(SitesCsv.Header + row), "sites.csv", Ct);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        return db;
    }

    private static async Task<MemoryStream> ExportAsync(TestDatabase db, string table, ExportFormat format)
    {
        var content = await db.Exporter.ReadAsync(table, Ct);
        var output = new MemoryStream();
        await ExportWriter.WriteAsync(content!, format, output, Ct);
        output.Position = 0;
        return output;
    }
}
