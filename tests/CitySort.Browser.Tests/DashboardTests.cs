using CitySort.Server;
using CitySort.Server.Tests;
using CitySort.Testing;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// Opens the dashboard in headless Chromium on a server started by the test (the real streets and district boundaries
/// imported, then the demo city seeded on them), waits for the map and the coverage chart to render, switches the
/// language, and saves screenshots of every page (into docs/screenshots/, linked from the README, when CITYSORT_UPDATE_SCREENSHOTS=true).
/// </summary>
public sealed class DashboardTests
{
    private static readonly float TimeoutMs = 60_000;

    [Fact]
    public async Task The_dashboard_renders_map_chart_and_every_page_in_both_languages()
    {
        var shared = Requires.SharedData();
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        // The real streets and boundaries first, so the demo city that the second start seeds lies on them.
        await RealDivisions.ImportAsync(database, shared);

        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = true }, TestContext.Current.CancellationToken);

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

            // Overview map: boundary paths (SVG) and site markers (canvas, counted by the page) must be drawn.
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#map'); return m && m.dataset.ready === 'true' && m.querySelectorAll('.leaflet-boundaries-pane path').length > 0 && Number(m.dataset.siteMarkers) > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.True(await page.Locator("#map .leaflet-boundaries-pane path").CountAsync() >= 4);
            Assert.Equal("总览地图", (await page.Locator("nav.mainnav a.active").InnerTextAsync()).Trim());
            await Screenshots.SaveAsync(page, "dashboard.png");

            // Coverage: the chart's canvas rendered (ECharts reports 'finished').
            await page.GotoAsync(server.BaseAddress + "#/coverage");
            await page.WaitForFunctionAsync(
                "() => { const c = document.querySelector('#coverage-chart'); return c && c.dataset.rendered === 'true' && c.querySelector('canvas'); }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "coverage.png", fullPage: true);

            await page.GotoAsync(server.BaseAddress + "#/sites?compliant=false");
            await page.Locator("#sites-table tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "sites.png", fullPage: true);

            await page.Locator("#sites-table tbody tr a").First.ClickAsync();
            await page.Locator("#site-gaps li").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Matches("W96-B[1-4]", await page.Locator("#site-gaps").InnerTextAsync());
            await Screenshots.SaveAsync(page, "site.png", fullPage: true);

            await page.GotoAsync(server.BaseAddress + "#/profile");
            await page.Locator("#profile .panel").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "profile.png", fullPage: true);

            await page.GotoAsync(server.BaseAddress + "#/imports");
            await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
            {
                Name = "bad_streets.csv",
                MimeType = "text/csv",
                Buffer = "code,name,district_code,district_name,city_code,province_code\n330302999,,330302,鹿城区,3303,33\n"u8.ToArray(),
            });
            await page.Locator("#import-submit").ClickAsync();
            await page.Locator("#import-problems tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "imports.png", fullPage: true);

            // Language: English by the switch, remembered across a reload.
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await page.ReloadAsync();
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#map'); return m && m.dataset.ready === 'true' && Number(m.dataset.siteMarkers) > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.Equal("Overview map", (await page.Locator("nav.mainnav a.active").InnerTextAsync()).Trim());
            await Screenshots.SaveAsync(page, "dashboard-en.png");
            await page.GotoAsync(server.BaseAddress + "#/coverage");
            await page.WaitForFunctionAsync(
                "() => { const c = document.querySelector('#coverage-chart'); return c && c.dataset.rendered === 'true'; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "coverage-en.png", fullPage: true);

            Assert.True(errors.Count == 0, "Script errors on the pages: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
