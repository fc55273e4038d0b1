using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The public progress page (W96-A1, <c>#/progress</c>): it reads nothing but <c>GET /api/public/progress</c> (so it
/// works for the anonymous public once the other endpoints need sign-in), shows no navigation into the office's pages,
/// marks the demo city's figures as illustrative, shows each district's coverage as the coverage report computes it,
/// names no site, and switches to English. Screenshots: docs/screenshots/progress.png and progress-en.png when
/// updating, else a temporary folder.
/// </summary>
[Collection(nameof(DemoCityCollection))]
public sealed class PublicProgressPageTests(DemoCityWithHostileNames city)
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task The_progress_page_reads_only_the_public_API_and_shows_each_districts_coverage_and_targets_in_both_languages()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "zh", width: 1280);
            var errors = new List<string>();
            var apiPaths = new HashSet<string>(StringComparer.Ordinal);
            page.PageError += (_, e) => errors.Add(e);
            page.Request += (_, r) =>
            {
                var path = new Uri(r.Url).AbsolutePath;
                if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    lock (apiPaths)
                    {
                        apiPaths.Add(path);
                    }
                }
            };

            await page.GotoAsync(city.Server.BaseAddress + "#/progress");
            await page.WaitForFunctionAsync("() => document.querySelector('#progress-chart')?.dataset.rendered === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "progress.png", fullPage: true);

            lock (apiPaths)
            {
                Assert.Equal(["/api/public/progress"], apiPaths);
            }

            Assert.Equal(0, await page.Locator("nav.mainnav").CountAsync());
            Assert.Equal(0, await page.Locator("#demo-banner").CountAsync());
            Assert.Contains("示例数据", await page.Locator("#progress-illustrative").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("城区生活垃圾分类工作进展", await page.Locator("h1.page-title").InnerTextAsync());

            // Lucheng's row shows the share of /api/coverage for 330302, as a percentage with one decimal (zh-CN).
            // /api/coverage needs a sign-in: read it as the fixture's administrator, not from the public page.
            using var coverage = System.Text.Json.JsonDocument.Parse(await city.Server.Client.GetStringAsync(new Uri("api/coverage", UriKind.Relative), TestContext.Current.CancellationToken));
            var share = coverage.RootElement.GetProperty("byDistrict").EnumerateArray().First(d => d.GetProperty("scopeCode").GetString() == "330302").GetProperty("share").GetDouble();
            var expected = (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
            var luchengRow = page.Locator("#progress-table tr[data-district='330302'] td");
            Assert.Equal(expected, await luchengRow.Nth(1).InnerTextAsync());
            Assert.Contains("W96-T1.overall", await luchengRow.Nth(3).InnerTextAsync(), StringComparison.Ordinal);
            // W96-T2: Lucheng's part is 6 of the 16 new vehicles; the city list has the 16.
            Assert.Equal("本区 6", await page.Locator("table[data-targets='330302'] tr[data-target='W96-T2'] td").Nth(2).InnerTextAsync());
            Assert.Equal("16", await page.Locator("table[data-targets='city'] tr[data-target='W96-T2'] td").Nth(2).InnerTextAsync());

            // No site is named: none of the registry's site names or codes is on the page.
            using var siteList = System.Text.Json.JsonDocument.Parse(await city.Server.Client.GetStringAsync(new Uri("api/sites?pageSize=500", UriKind.Relative), TestContext.Current.CancellationToken));
            var sites = siteList.RootElement.GetProperty("items").EnumerateArray().SelectMany(s => new[] { s.GetProperty("name").GetString()!, s.GetProperty("code").GetString()! }).ToArray();
            var text = await page.Locator("body").InnerTextAsync();
            Assert.NotEmpty(sites);
            Assert.All(sites, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));

            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('#progress-chart')?.dataset.rendered === 'true' && document.querySelector('h1.page-title')?.textContent === 'Progress of urban household-waste sorting'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            Assert.Contains("Illustrative", await page.Locator("#progress-illustrative").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("wenzhou-2015", await page.Locator("#progress-footer").InnerTextAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "progress-en.png", fullPage: true);
            Assert.True(errors.Count == 0, "Script errors on the page: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
