using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Server.Services;

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
}
