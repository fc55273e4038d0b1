using CitySort.Server;
using CitySort.Server.Tests;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The dashboard marks the demo city while it is there (issue 10, defect 3): a banner on every page, a badge on its
/// rows; a facilities file imported from the Imports page, whose report offers the removal, and the removal done from
/// the page takes the banner away. Screenshots go to a temporary folder (printed), never over tracked files.
/// </summary>
public sealed class DemoMarkingTests
{
    private static readonly float TimeoutMs = 60_000;

    [Fact]
    public async Task Every_page_shows_the_demo_banner_until_the_removal_offered_after_a_real_import_is_done()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = true }, TestContext.Current.CancellationToken);
        var screenshots = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-screenshots", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "zh-CN" });
            await context.SignInAsync(server);
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

            foreach (var route in new[] { string.Empty, "sites", "coverage", "plans", "profile", "imports" })
            {
                await page.GotoAsync(server.BaseAddress + "#/" + route);
                var banner = page.Locator("#demo-banner");
                await banner.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = TimeoutMs });
                Assert.Contains("示例数据", await banner.InnerTextAsync(), StringComparison.Ordinal);
            }

            await page.GotoAsync(server.BaseAddress + "#/sites");
            await page.Locator("#sites-table tbody tr .chip.demo").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "sites-illustrative.png") });

            // A real facilities file from the Imports page; its point lies inside the demo city's districts.
            await page.GotoAsync(server.BaseAddress + "#/imports");
            await page.Locator("#import-kind").SelectOptionAsync("facilities");
            await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
            {
                Name = "facilities.csv",
                MimeType = "text/csv",
                Buffer = "code,name,kind,accepts,longitude,latitude,datum,gate_fee_yuan_per_tonne,daily_capacity_tonnes\nREAL-TS,真实中转站,transfer-station,other,120.65,28.02,WGS84,60,500\n"u8.ToArray(),
            });
            await page.Locator("#import-submit").ClickAsync();
            var notice = page.Locator("#demo-notice");
            await notice.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "imports-demo-notice.png"), FullPage = true });

            await page.Locator("#demo-remove").ClickAsync();
            await page.Locator("#demo-remove-result .ok-text").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await page.GotoAsync(server.BaseAddress + "#/sites");
            await page.WaitForFunctionAsync("async () => !(await (await fetch('/api/demo')).json()).present", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await page.Locator("#page .state").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.True(await page.Locator("#demo-banner").IsHiddenAsync());
            var facilities = await page.EvaluateAsync<string[]>("async () => (await (await fetch('/api/facilities')).json()).map(f => f.code)");
            Assert.Equal(["REAL-TS"], facilities);
            Assert.True(errors.Count == 0, "Script errors on the pages: " + string.Join(Environment.NewLine, errors));
            TestContext.Current.TestOutputHelper?.WriteLine("Screenshots in " + screenshots);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
