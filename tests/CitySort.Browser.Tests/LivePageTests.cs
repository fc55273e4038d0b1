using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitySort.Collection.Simulation;
using CitySort.Demo;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Server;
using CitySort.Server.Tests;
using CitySort.Storage;
using CitySort.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The live page (实时监控 / Live, issue 9 item 6) in headless Chromium on a running server with the demo city: events
/// sent to the real HTTP batch door (anonymous demo device) reach the page over SignalR, so a vehicle marker moves,
/// a late older fix leaves it where it is, and a KPI card changes, in Chinese and in English; names from outside are
/// shown as text. The screenshots go to docs/screenshots/live.png and live-en.png only when
/// CITYSORT_UPDATE_SCREENSHOTS=true, else to a temporary folder.
/// </summary>
public sealed class LivePageTests
{
    private const float TimeoutMs = 120_000;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_vehicle_moves_and_a_kpi_card_changes_as_events_arrive_in_Chinese_and_in_English()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = true }, TestContext.Current.CancellationToken);
        try
        {
            // A vehicle that may carry the 7,260 kg of the ticket below (net-over-capacity otherwise).
            var vehicle = (await GetAsync(server, "api/vehicles")).EnumerateArray().First(v => v.GetProperty("capacityKg").GetInt32() >= 8_000);
            var plate = vehicle.GetProperty("plate").GetString()!;
            var plant = (await GetAsync(server, "api/facilities")).EnumerateArray().First(f => f.GetProperty("kind").GetString() == "WasteToEnergyPlant");
            var page = await OpenAsync(browser, server, "zh-CN");
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            Assert.Equal("实时监控", (await page.Locator("nav.mainnav a.active").InnerTextAsync()).Trim());
            var residual = page.Locator("#live-kpis .live-kpi[data-kpi=ResidualTonnage]");
            var before = await residual.GetAttributeAsync("data-value", new LocatorGetAttributeOptions { Timeout = TimeoutMs });

            await PostAsync(server, Fix("L-1", plate, At(7, 0), 120.6500, 28.0100));
            await WaitForMarkerAsync(page, plate, 120.65);
            await PostAsync(server, Fix("L-2", plate, At(7, 1), 120.6600, 28.0150));
            await WaitForMarkerAsync(page, plate, 120.66);

            // A late fix of 07:00:30 arrives after the 07:01 fix: the vehicle stays at 120.66 (docs/api.md, live feed).
            var refreshed = await page.EvaluateAsync<int>("() => Number(document.querySelector('#page').dataset.refreshed ?? 0)");
            await PostAsync(server, Fix("L-3", plate, At(7, 0, 30), 120.6550, 28.0120));
            await page.WaitForFunctionAsync($"() => Number(document.querySelector('#page').dataset.refreshed ?? 0) > {refreshed}", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.Equal("120.66", await page.Locator($".live-vehicle[data-plate='{plate}']").GetAttributeAsync("data-lon"));

            // 7,260 kg net at a waste-to-energy plant: residual tonnage (W96-T5) of the day goes from 0 to 7.26 t.
            await PostAsync(server, Ticket("T-1", plant.GetProperty("code").GetString()!, plate, At(10, 12), At(10, 31), 18_240, 10_980));
            await page.WaitForFunctionAsync(
                "(before) => { const c = document.querySelector('#live-kpis .live-kpi[data-kpi=ResidualTonnage]'); return c && c.dataset.value !== before; }",
                before, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.Equal(7.26m, decimal.Parse((await residual.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
            Assert.Contains("W96-T5", await residual.InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("#live-illustrative").IsVisibleAsync(), "the illustrative badge is not shown");

            await page.Locator("#lang-switch").ClickAsync();
            await page.Locator("#live-status[data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Equal("Live", (await page.Locator("nav.mainnav a.active").InnerTextAsync()).Trim());
            Assert.Equal("Illustrative data", (await page.Locator("#live-illustrative").InnerTextAsync()).Trim());
            await PostAsync(server, Fix("L-4", plate, At(7, 2), 120.6700, 28.0200));
            await WaitForMarkerAsync(page, plate, 120.67);
            var beforeEn = await residual.GetAttributeAsync("data-value", new LocatorGetAttributeOptions { Timeout = TimeoutMs });
            await PostAsync(server, Ticket("T-2", plant.GetProperty("code").GetString()!, plate, At(11, 12), At(11, 31), 17_000, 10_980));
            await page.WaitForFunctionAsync(
                "(before) => { const c = document.querySelector('#live-kpis .live-kpi[data-kpi=ResidualTonnage]'); return c && c.dataset.value !== before; }",
                beforeEn, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            // 7,260 + (17,000 − 10,980 = 6,020) kg = 13.28 t.
            Assert.Equal(13.28m, decimal.Parse((await residual.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
            Assert.Contains("Tonnage incinerated or landfilled", await residual.InnerTextAsync(), StringComparison.Ordinal);

            Assert.True(errors.Count == 0, "Script errors on the page: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_name_with_markup_from_a_device_is_shown_as_text_on_the_live_page()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = true }, TestContext.Current.CancellationToken);
        try
        {
            var page = await OpenAsync(browser, server, "zh-CN");
            var dialogs = new List<string>();
            page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };

            // An unknown plate that is markup: rejected (unknown-vehicle) and listed with its raw payload.
            await PostAsync(server, Fix("X-1", Markup, At(8, 0), 120.65, 28.01));
            await page.Locator("#live-rejection-table").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });

            Assert.Contains(Markup, await page.Locator("#live-rejections").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#page img[src=x]").CountAsync());
            Assert.Empty(dialogs);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_simulated_morning_fills_the_live_page_with_moving_vehicles_and_figures()
    {
        var shared = Requires.SharedData();
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await RealDivisions.ImportAsync(database, shared);
        await using var server = await RunningServer.StartAsync(
            new ServerOptions { Storage = database.Storage, SeedDemo = true, Planning = new PlanningOptions { TimeLimitPerPlan = TimeSpan.FromSeconds(1) } },
            TestContext.Current.CancellationToken);
        try
        {
            var date = new DateOnly(2015, 12, 1);
            var day = await SimulateAsync(server, date);
            var page = await OpenAsync(browser, server, "zh-CN");

            // The morning up to 08:30 with faults, through the HTTP batch door in batches of 1,000.
            var morning = day.Messages.Where(m => m.PublishAt < new DateTimeOffset(2015, 12, 1, 8, 30, 0, Shanghai) && m.Fault != SimulationFault.Malformed && m.Kind != SimulatedMessageKind.Login).ToList();
            foreach (var batch in morning.Chunk(1000))
            {
                await PostAsync(server, [.. batch.Select(ToEvent)]);
            }

            var vehicles = morning.Where(m => m.Kind == SimulatedMessageKind.GpsFix && m.Fault is null).Select(m => m.VehiclePlate).Distinct().Count();
            await page.WaitForFunctionAsync(
                $"() => Number(document.querySelector('#live-map').dataset.vehicles) >= {vehicles} && document.querySelector('#live-rejection-table') && document.querySelector('#live-kpis .live-kpi[data-kpi=CollectedTonnage]')",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await page.WaitForFunctionAsync("() => Number(document.querySelector('#live-chart-facility').dataset.total) > 0", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.True(vehicles > 100, $"only {vehicles} vehicles moved in the morning");
            await SaveScreenshotAsync(page, "live.png");

            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForFunctionAsync(
                $"() => document.documentElement.lang === 'en' && Number(document.querySelector('#live-map')?.dataset.vehicles) >= {vehicles} && Number(document.querySelector('#live-chart-facility')?.dataset.total) > 0",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await SaveScreenshotAsync(page, "live-en.png");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Plans the day on the server and generates its simulated messages with faults, as <c>citysort simulate</c> does.</summary>
    private static async Task<SimulatedDay> SimulateAsync(RunningServer server, DateOnly date)
    {
        var plans = server.Services.GetRequiredService<DailyPlanService>();
        var set = await plans.PlanAsync(date, null, null, TestContext.Current.CancellationToken);
        var contexts = server.Services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var profile = server.Services.GetRequiredService<PolicyProfile>();
        var city = new SimulationCity(
            await db.Sites.AsNoTracking().Include(s => s.Bins).ToListAsync(TestContext.Current.CancellationToken),
            await db.Vehicles.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken),
            await db.Facilities.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken),
            set.Plans, profile.Settings.Planning!.Value, DemoCitySpec.Default, plans.AreaOf);
        return DaySimulator.Generate(city, new SimulationOptions { Date = date, InjectFaults = true });
    }

    /// <summary>A simulated message as an event of the HTTP batch (its payload with the kind of its topic; never a malformed one).</summary>
    private static JsonNode ToEvent(SimulatedMessage message)
    {
        var kind = message.Kind switch
        {
            SimulatedMessageKind.Pickup => "pickup",
            SimulatedMessageKind.GpsFix => "gps",
            _ => "ticket",
        };
        var node = JsonNode.Parse(message.Payload)!.AsObject();
        node["kind"] = kind;
        return node;
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, RunningServer server, string locale)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, Locale = locale });
        await context.SignInAsync(server);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseAddress + "#/live?date=2015-12-01");
        await page.Locator("#live-status[data-state=connected]").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
        await page.Locator("#live-map[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs, State = WaitForSelectorState.Attached });
        return page;
    }

    private static Task WaitForMarkerAsync(IPage page, string plate, double longitude) =>
        page.WaitForFunctionAsync(
            "([plate, lon]) => [...document.querySelectorAll('.live-vehicle')].some(e => e.dataset.plate === plate && Number(e.dataset.lon) === lon)",
            new object[] { plate, longitude }, new PageWaitForFunctionOptions { Timeout = TimeoutMs });

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var update = string.Equals(Environment.GetEnvironmentVariable("CITYSORT_UPDATE_SCREENSHOTS"), "true", StringComparison.OrdinalIgnoreCase);
        var folder = update ? Path.Combine(Requires.RepositoryRoot(), "docs", "screenshots") : Path.Combine(Path.GetTempPath(), "citysort-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = true });
    }

    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2015, 12, 1, hour, minute, second, Shanghai);

    private static JsonObject Fix(string id, string plate, DateTimeOffset at, double longitude, double latitude) => new()
    {
        ["kind"] = "gps",
        ["eventId"] = id,
        ["deviceTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["vehiclePlate"] = plate,
        ["point"] = new JsonObject { ["longitude"] = longitude, ["latitude"] = latitude, ["datum"] = "wgs84" },
        ["speedKmh"] = 20,
        ["headingDegrees"] = 45,
    };

    private static JsonObject Ticket(string id, string facility, string plate, DateTimeOffset timeIn, DateTimeOffset timeOut, int grossKg, int tareKg) => new()
    {
        ["kind"] = "ticket",
        ["ticketId"] = id,
        ["facilityCode"] = facility,
        ["vehiclePlate"] = plate,
        ["timeIn"] = timeIn.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["timeOut"] = timeOut.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["grossKg"] = grossKg,
        ["tareKg"] = tareKg,
        ["netKg"] = grossKg - tareKg,
        ["declaredCategory"] = "Other",
    };

    private static async Task<JsonElement> GetAsync(RunningServer server, string path) =>
        await server.Client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    private static async Task PostAsync(RunningServer server, params JsonNode[] events)
    {
        var body = new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) };
        using var response = await server.Client.PostAsJsonAsync(new Uri("api/events", UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, "POST /api/events failed: " + await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
