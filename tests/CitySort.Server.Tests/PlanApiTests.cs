using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// <c>/api/plans</c> through the real HTTP pipeline on the demo city (seed 2015): the day 2015-12-01 is planned by
/// POST with its server-sent events, read back by GET, and checked against the registry alone (sites with bins,
/// vehicles, facilities, the profile's planning setting), not against what the solver says about itself.
/// </summary>
public sealed class PlanApiTests : IAsyncLifetime
{
    private const string Day = "2015-12-01";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TestDatabase? _database;
    private RunningServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => _server!.Client;

    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            Storage = _database.Storage,
            SeedDemo = true,
            // A time-limited search: 1 s per plan left a tight Ouhai area's site unplanned when CI ran the test
            // projects side by side; 3 s leaves the search its margin on a shared machine.
            Planning = new PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(3) },
        });
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
    public async Task A_planned_demo_day_visits_every_due_site_once_within_capacity_unloading_where_accepted_and_back_by_the_clearance_time()
    {
        var events = await PlanAsync(Day);
        var plans = await GetJsonAsync("api/plans?date=" + Day);
        var due = await DueSitesFromRegistryAsync(DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture));
        var vehicles = (await GetJsonAsync("api/vehicles")).EnumerateArray().ToDictionary(v => v.GetProperty("plate").GetString()!);
        var facilities = (await GetJsonAsync("api/facilities")).EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!);
        var shiftEnd = ProfileLoader.LoadDefault().Settings.Planning!.Value.ShiftEnd;

        Assert.Equal("summary", events[^1].EventType);
        Assert.All(events.SkipLast(1), e => Assert.Equal("progress", e.EventType));
        Assert.NotEmpty(due);
        var visits = new Dictionary<(string Site, string Category), int>();
        foreach (var plan in plans.GetProperty("plans").EnumerateArray())
        {
            var category = plan.GetProperty("category").GetString()!;
            foreach (var trip in plan.GetProperty("trips").EnumerateArray())
            {
                var plate = trip.GetProperty("vehiclePlate").GetString()!;
                var vehicle = vehicles[plate];
                Assert.Equal(category, vehicle.GetProperty("dedicatedCategory").GetString());
                var loadKg = 0L;
                foreach (var stop in trip.GetProperty("stops").EnumerateArray())
                {
                    var key = (stop.GetProperty("siteCode").GetString()!, category);
                    Assert.True(due.TryGetValue(key, out var demandKg), key + " is visited but not due that day");
                    loadKg += demandKg;
                    visits[key] = visits.GetValueOrDefault(key) + 1;
                }

                Assert.True(loadKg <= vehicle.GetProperty("capacityKg").GetInt64(), $"{plate} trip carries {loadKg} kg over its capacity");
                var facility = facilities[trip.GetProperty("facilityCode").GetString()!];
                Assert.Contains(category, facility.GetProperty("acceptedCategories").EnumerateArray().Select(c => c.GetString()));
                Assert.True(TimeOnly.Parse(trip.GetProperty("unloadedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= shiftEnd);
                if (trip.GetProperty("returnsToDepotAt").GetString() is { } back)
                {
                    Assert.True(TimeOnly.Parse(back, System.Globalization.CultureInfo.InvariantCulture) <= shiftEnd, $"{plate} is back at {back}, after {shiftEnd}");
                }
            }
        }

        Assert.Equal(due.Keys.Order(), visits.Keys.Order());
        Assert.All(visits, v => Assert.Equal(1, v.Value));
    }

    [Fact]
    public async Task The_plan_stream_ends_with_a_summary_that_counts_what_the_day_holds()
    {
        var events = await PlanAsync(Day);

        var summary = JsonSerializer.Deserialize<JsonElement>(events[^1].Data, Json);
        var plans = await GetJsonAsync("api/plans?date=" + Day);
        Assert.Equal(plans.GetProperty("plans").GetArrayLength(), summary.GetProperty("planCount").GetInt32());
        // Issue 10 defect 6: unserved counts every due site not planned (the demo's areas without a vehicle of a
        // category included), the same in the summary and in the stored plans: due − stops = unserved.
        var stored = plans.GetProperty("plans").EnumerateArray().ToList();
        var stops = stored.Sum(p => p.GetProperty("trips").EnumerateArray().Sum(t => t.GetProperty("stops").GetArrayLength()));
        var unserved = stored.Sum(p => p.GetProperty("unserved").GetArrayLength());
        Assert.Equal(summary.GetProperty("dueSiteCount").GetInt32() - stops, summary.GetProperty("unservedCount").GetInt32());
        Assert.Equal(unserved, summary.GetProperty("unservedCount").GetInt32());
        Assert.True(unserved > 0, "the demo city has areas without a vehicle of some category");
        Assert.All(stored.SelectMany(p => p.GetProperty("unserved").EnumerateArray()), u => Assert.False(string.IsNullOrEmpty(u.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Progress_events_name_the_area_and_the_category_in_words()
    {
        var events = await PlanAsync(Day);

        var first = JsonSerializer.Deserialize<JsonElement>(events[0].Data, Json);
        Assert.Equal("progress", events[0].EventType);
        Assert.Equal(JsonValueKind.String, first.GetProperty("category").ValueKind);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("areaCode").GetString()));
    }

    [Fact]
    public async Task The_geojson_format_gives_one_line_string_per_trip()
    {
        await PlanAsync(Day);

        var plans = await GetJsonAsync("api/plans?date=" + Day);
        var geo = await GetJsonAsync("api/plans?date=" + Day + "&format=geojson");
        var trips = plans.GetProperty("plans").EnumerateArray().Sum(p => p.GetProperty("trips").GetArrayLength());
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(trips, geo.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString"));
    }

    [Fact]
    public async Task A_day_never_planned_answers_404_with_problem_details()
    {
        using var response = await Client.GetAsync(new Uri("api/plans?date=2015-12-24", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2015-12-24", (await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/plans")]
    [InlineData("api/plans?date=2015-13-01")]
    [InlineData("api/plans?date=2015-12-01&category=Glass")]
    [InlineData("api/plans?date=2015-12-01&format=kml")]
    public async Task A_bad_query_answers_400_with_problem_details(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Planning_a_day_that_is_not_a_date_answers_400_before_any_event()
    {
        using var response = await Client.PostAsync(new Uri("api/plans/1-12-2015", UriKind.Relative), null, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<SseItem<string>>> PlanAsync(string day)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/plans/" + day, UriKind.Relative));
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(Cancel);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(Cancel))
        {
            events.Add(item);
        }

        Assert.NotEmpty(events);
        return events;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.IsSuccessStatusCode, path + " answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
    }

    /// <summary>
    /// The due sites of the day with their demand (kg), by (site code, category), for the areas that have dedicated
    /// vehicles of a planned category: read from the registry by the documented due rule (docs/planning.md), with no
    /// solver involved.
    /// </summary>
    private async Task<Dictionary<(string Site, string Category), long>> DueSitesFromRegistryAsync(DateOnly day)
    {
        var services = new ServiceCollection().AddCitySortStorage(_database!.Storage).BuildServiceProvider();
        await using var _ = services;
        var profile = ProfileLoader.LoadDefault();
        var service = new DailyPlanService(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), profile, TimeProvider.System);
        var (groups, _) = await service.GroupsAsync(day, profile.Settings.Planning!.Value, new PlanningRequest(), Cancel);
        return groups
            .SelectMany(g => g.DueSites.Select(s => (Key: (s.SiteCode, g.Category.ToString()), s.DemandKg)))
            .ToDictionary(x => x.Key, x => x.DemandKg);
    }
}
