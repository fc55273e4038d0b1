using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace CitySort.Server.Tests;

/// <summary>A server started on an empty database seeds the demo city, its fleet from the profile's W96-T2/T3 splits.</summary>
public sealed class DemoCityTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private RunningServer? _server;

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _server = await RunningServer.StartAsync(new ServerOptions { Storage = _database.Storage, SeedDemo = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_demo_city_has_the_16_vehicles_and_8_lines_of_W96_T2_and_T3_split_as_the_plan_says()
    {
        var client = _server!.Client;
        var vehicles = await client.GetFromJsonAsync<JsonElement>(new Uri("api/vehicles", UriKind.Relative), TestContext.Current.CancellationToken);
        var lines = await client.GetFromJsonAsync<JsonElement>(new Uri("api/lines", UriKind.Relative), TestContext.Current.CancellationToken);

        // W96-T2: Lucheng 6, Ouhai 4, Longwan 4, development zone 2 = 16; W96-T3: 3, 2, 2, 1 = 8.
        Assert.Equal(16, vehicles.GetArrayLength());
        Assert.Equal(8, lines.GetArrayLength());
        Assert.Equal(2, vehicles.EnumerateArray().Count(v => v.GetProperty("areaCode").GetString() == "development-zone"));
        Assert.Equal(6, vehicles.EnumerateArray().Count(v => v.GetProperty("areaCode").GetString() == "330302"));
        Assert.Equal(1, lines.EnumerateArray().Count(l => l.GetProperty("areaCode").GetString() == "development-zone"));
    }

    [Fact]
    public async Task Longwan_vehicles_are_the_four_of_its_W96_T2_share_without_the_development_zone()
    {
        var longwan = await _server!.Client.GetFromJsonAsync<JsonElement>(new Uri("api/vehicles?district=330303", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(4, longwan.GetArrayLength()); // W96-T2: Longwan 4; the zone's 2 count for the zone
    }

    [Fact]
    public async Task The_demo_city_fills_every_urban_district_and_the_development_zone_with_sites()
    {
        var districts = await _server!.Client.GetFromJsonAsync<JsonElement>(new Uri("api/districts", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.All(districts.EnumerateArray(), d => Assert.True(d.GetProperty("siteCount").GetInt32() > 0, d.GetProperty("code").GetString() + " has no site"));
    }

    [Fact]
    public void The_demo_spec_takes_its_fleet_from_the_profile_splits()
    {
        var spec = CitySort.Demo.DemoCityFactory.SpecFor(CitySort.Policy.ProfileLoader.LoadDefault());

        Assert.Equal(16, spec.Areas.Sum(a => a.Vehicles));
        Assert.Equal(8, spec.Areas.Sum(a => a.DedicatedLines));
        Assert.Contains("330371005", spec.Areas.Single(a => a.AreaCode == "development-zone").StreetCodes);
    }

    [Fact]
    public async Task Every_record_view_of_the_demo_city_says_it_is_illustrative()
    {
        var client = _server!.Client;
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("api/sites?pageSize=20", UriKind.Relative), ct);
        var code = page.GetProperty("items")[0].GetProperty("code").GetString();
        var site = await client.GetFromJsonAsync<JsonElement>(new Uri("api/sites/" + code, UriKind.Relative), ct);
        var points = await client.GetFromJsonAsync<JsonElement>(new Uri("api/sites/points", UriKind.Relative), ct);
        var status = await client.GetFromJsonAsync<JsonElement>(new Uri("api/demo", UriKind.Relative), ct);

        Assert.All(page.GetProperty("items").EnumerateArray(), s => Assert.True(s.GetProperty("isIllustrative").GetBoolean()));
        Assert.True(site.GetProperty("isIllustrative").GetBoolean());
        Assert.All(points.EnumerateArray(), p => Assert.True(p.GetProperty("isIllustrative").GetBoolean()));
        foreach (var list in new[] { "api/facilities", "api/vehicles", "api/lines" })
        {
            var records = await client.GetFromJsonAsync<JsonElement>(new Uri(list, UriKind.Relative), ct);
            Assert.All(records.EnumerateArray(), r => Assert.True(r.GetProperty("isIllustrative").GetBoolean(), list));
        }

        Assert.True(status.GetProperty("present").GetBoolean());
        Assert.Equal(points.GetArrayLength(), status.GetProperty("sites").GetInt32());
    }

    [Fact]
    public async Task A_real_import_beside_the_demo_says_so_and_the_removal_it_offers_leaves_only_the_real_records()
    {
        var client = _server!.Client;
        var ct = TestContext.Current.CancellationToken;
        var divisions = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "test_divisions.csv"), ct);

        using var first = await ServerFixture.PostFileAsync(client, "divisions", "test_divisions.csv", divisions);
        var report = await first.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var removal = await client.PostAsync(new Uri("api/demo/remove", UriKind.Relative), null, ct);
        var status = await client.GetFromJsonAsync<JsonElement>(new Uri("api/demo", UriKind.Relative), ct);
        var sites = await client.GetFromJsonAsync<JsonElement>(new Uri("api/sites", UriKind.Relative), ct);
        var vehicles = await client.GetFromJsonAsync<JsonElement>(new Uri("api/vehicles", UriKind.Relative), ct);
        using var again = await ServerFixture.PostFileAsync(client, "divisions", "test_divisions.csv", divisions);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.True(report.GetProperty("registryHoldsDemo").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.OK, removal.StatusCode);
        Assert.False(status.GetProperty("present").GetBoolean());
        Assert.Equal(0, sites.GetProperty("total").GetInt32());
        Assert.Equal(0, vehicles.GetArrayLength());
        Assert.False(second.GetProperty("registryHoldsDemo").GetBoolean());
    }

    [Fact]
    public async Task The_vehicles_workbook_from_the_API_reads_back_with_the_sixteen_illustrative_vehicles()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await _server!.Client.GetAsync(new Uri("api/exports/vehicles?format=xlsx", UriKind.Relative), ct);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync(ct));
        var sheet = book.Worksheet("vehicles");
        var columns = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var rows = sheet.RowsUsed().Skip(1).ToList();
        // W96-T2: 16 vehicles, all of the demo city.
        Assert.Equal(16, rows.Count);
        Assert.All(rows, r => Assert.True(r.Cell(columns["is_illustrative"]).GetBoolean()));
        Assert.All(rows, r => Assert.StartsWith("浙C", r.Cell(columns["plate"]).GetString(), StringComparison.Ordinal));
    }
}
