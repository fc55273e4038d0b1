using System.Net.Http.Headers;
using CitySort.Server;
using CitySort.Server.Tests;
using CitySort.Testing;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The Imports page imports the real district boundaries (../shared/data/geo/wenzhou_districts.geojson, GCJ-02) with
/// the datum chosen on the page, as the README says every import works there (issue 10, defect 2).
/// </summary>
public sealed class ImportsPageTests
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task The_imports_page_imports_boundaries_with_the_datum_the_clerk_chooses()
    {
        var shared = Requires.SharedData();
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = false }, TestContext.Current.CancellationToken);
        await ImportDivisionsAsync(server, Path.Combine(shared, "divisions", "wenzhou_streets.csv"));
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "zh");
            await page.Context.SignInAsync(server);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(server.BaseAddress + "#/imports");

            // The datum is asked for boundaries only, and an upload without it is stopped on the page with the reason.
            await page.Locator("#import-submit").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.False(await page.Locator("#import-datum").IsVisibleAsync());
            await page.Locator("#import-kind").SelectOptionAsync("boundaries");
            Assert.True(await page.Locator("#import-datum").IsVisibleAsync());
            Assert.Contains("GCJ-02", await page.Locator("#import-datum-help").InnerTextAsync(), StringComparison.Ordinal);
            await page.Locator("#import-file").SetInputFilesAsync(Path.Combine(shared, "geo", "wenzhou_districts.geojson"));
            await page.Locator("#import-submit").ClickAsync();
            await page.Locator("#import-datum-missing").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });

            // wenzhou_districts.geojson is GCJ-02 (its README): chosen, the file imports.
            await page.Locator("#import-datum").SelectOptionAsync("gcj02");
            await page.Locator("#import-submit").ClickAsync();
            await page.Locator(".import-report.ok").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Equal(0, await page.Locator("#import-problems").CountAsync());
            await Screenshots.SaveAsync(page, "imports-boundaries.png", fullPage: true);

            // The overview draws them: Wenzhou's 12 county-level divisions, of which the urban ones are outlined.
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#map'); return m && m.dataset.ready === 'true' && Number(m.dataset.boundaries) >= 4; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.True(await page.Locator("#map .leaflet-boundaries-pane path").CountAsync() >= 4);
            Assert.True(errors.Count == 0, "Script errors on the pages: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task ImportDivisionsAsync(RunningServer server, string path)
    {
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", Path.GetFileName(path));
        using var response = await server.Client.PostAsync(new Uri("api/imports/divisions", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, "divisions import failed: " + await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
