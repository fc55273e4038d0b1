using CitySort.Planning;
using CitySort.Server;
using CitySort.Server.Tests;
using CitySort.Testing;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// Opens the plans page in headless Chromium on a server with the real streets and district boundaries and the demo
/// city seeded on them, plans 2015-12-01 with the page's button (the progress bar follows the server-sent events),
/// waits for the trips to be drawn, and saves plans.png and plans-en.png (into docs/screenshots/, linked from the README and docs/planning.md, when CITYSORT_UPDATE_SCREENSHOTS=true).
/// </summary>
public sealed class PlansPageTests
{
    private static readonly float TimeoutMs = 180_000;

    [Fact]
    public async Task The_plans_page_plans_a_day_and_draws_every_trip_with_the_vehicle_table()
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
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
                Locale = "zh-CN",
            });
            await context.SignInAsync(server);
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);

            await page.GotoAsync(server.BaseAddress + "#/plans?date=2015-12-01");
            await page.Locator("#plan-none").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Equal("调度计划", (await page.Locator("nav.mainnav a.active").InnerTextAsync()).Trim());

            await page.Locator("#plan-run").ClickAsync();
            await page.Locator("#plan-progress").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = TimeoutMs });
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#plan-map'); return document.querySelector('#plan-done') && m && m.dataset.ready === 'true' && Number(m.dataset.trips) > 0 && m.querySelectorAll('path.plan-trip').length === Number(m.dataset.trips); }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });

            Assert.True(await page.Locator("#plan-map .leaflet-overlay-pane path").CountAsync() > await page.Locator("#plan-map path.plan-trip").CountAsync());
            Assert.True(await page.Locator("#plan-vehicles tbody tr").CountAsync() > 0);
            Assert.True(await page.Locator("#plan-map path.plan-trip[stroke-dasharray]").CountAsync() > 0, "no later trip is dashed");
            await Screenshots.SaveAsync(page, "plans.png", fullPage: true);

            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForFunctionAsync(
                "() => document.documentElement.lang === 'en' && Number(document.querySelector('#plan-map')?.dataset.trips) > 0",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.Equal("Plans", (await page.Locator("nav.mainnav a.active").InnerTextAsync()).Trim());
            await Screenshots.SaveAsync(page, "plans-en.png");

            Assert.True(errors.Count == 0, "Script errors on the page: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
