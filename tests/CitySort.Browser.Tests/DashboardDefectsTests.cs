using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The dashboard's presentation defects of issue 10 (7, 8 and 13), each checked in headless Chromium on the demo city:
/// the plans page's date, the coverage table's weighted figures and target label, English place names, the header at
/// 1400 px and the contrast of the progress text.
/// </summary>
[Collection(nameof(DemoCityCollection))]
public sealed partial class DashboardDefectsTests(DemoCityWithHostileNames city)
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task The_plans_page_opens_on_a_day_inside_the_profile_and_refuses_a_day_outside_it()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            // An American browser, whose <input type=date> would show mm/dd/yyyy: the page's own ISO entry is used instead.
            var page = await HostileNamesTests.NewPageAsync(browser, "en", locale: "en-US");
            await page.Context.SignInAsync(city.Server);
            await page.GotoAsync(city.Server.BaseAddress + "#/plans");
            var date = page.Locator("#plan-date");
            await date.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await page.WaitForFunctionAsync("() => document.querySelector('#plan-map')?.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });

            // The Wenzhou 2015 profile is valid 2015-10-15..2016-12-31 (W96 covers 2015-2016); today lies after it.
            var opened = await date.InputValueAsync();
            Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", opened);
            Assert.InRange(string.CompareOrdinal(opened, "2015-10-15"), 0, int.MaxValue);
            Assert.InRange(string.CompareOrdinal(opened, "2016-12-31"), int.MinValue, 0);
            Assert.Equal("text", await date.GetAttributeAsync("type"));

            foreach (var outside in new[] { "0001-01-01", "9999-12-31", "2026-12-01", "2015-10-14", "2017-01-01" })
            {
                await date.FillAsync(outside);
                await date.DispatchEventAsync("change");
                await page.Locator("#plan-date-error").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
                Assert.True(await page.Locator("#plan-run").IsDisabledAsync(), outside + " can still be planned");
                Assert.Contains("2015-10-15", await page.Locator("#plan-date-error").InnerTextAsync(), StringComparison.Ordinal);
            }

            await date.FillAsync("2015-02-30");
            await date.DispatchEventAsync("change");
            await page.Locator("#plan-date-error").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.True(await page.Locator("#plan-run").IsDisabledAsync(), "a day that does not exist can be planned");

            await date.FillAsync(DemoCityWithHostileNames.PlannedDay);
            await date.DispatchEventAsync("change");
            await page.WaitForFunctionAsync("() => !document.querySelector('#plan-date-error') && !document.querySelector('#plan-run').disabled", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task The_coverage_table_shows_the_weighted_numerator_and_denominator_of_each_share()
    {
        var report = await city.Server.Client.GetFromJsonAsync<JsonElement>("api/coverage", TestContext.Current.CancellationToken);
        var compounds = report.GetProperty("bySiteType").EnumerateArray().Single(f => f.GetProperty("siteType").GetString() == "ResidentialCompound");
        // W96-T1 with coverageWeighting: compounds by households, so the share is covered households / households.
        Assert.Equal("Households", compounds.GetProperty("weighting").GetString());
        var numerator = decimal.ToInt64(compounds.GetProperty("numerator").GetDecimal());
        var denominator = decimal.ToInt64(compounds.GetProperty("denominator").GetDecimal());
        var sites = compounds.GetProperty("coveredSiteCount").GetInt32() + "/" + compounds.GetProperty("siteCount").GetInt32();

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            foreach (var (lang, typeLabel, unit) in new[] { ("zh", "住宅小区", "户"), ("en", "Residential compound", "households") })
            {
                var page = await HostileNamesTests.NewPageAsync(browser, lang);
                await page.Context.SignInAsync(city.Server);
                await page.GotoAsync(city.Server.BaseAddress + "#/coverage");
                await page.WaitForFunctionAsync("() => document.querySelector('#coverage-type-chart')?.dataset.rendered === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
                var row = page.Locator("table.coverage-table tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("td:first-child", new PageLocatorOptions { HasTextString = typeLabel }) }).First;

                var covered = await row.Locator("td.weighted-covered").InnerTextAsync();
                var of = await row.Locator("td.weighted-of").InnerTextAsync();
                Assert.Equal(numerator.ToString(CultureInfo.InvariantCulture), Digits().Replace(covered, string.Empty));
                Assert.Equal(denominator.ToString(CultureInfo.InvariantCulture), Digits().Replace(of, string.Empty));
                Assert.Contains(unit, covered, StringComparison.Ordinal);
                Assert.Contains(unit, of, StringComparison.Ordinal);
                Assert.Equal(sites, SiteCounts().Replace(await row.Locator("td.site-counts").InnerTextAsync(), string.Empty));
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task The_English_sites_table_names_districts_in_English()
    {
        var list = await city.Server.Client.GetFromJsonAsync<JsonElement>("api/sites?page=1&pageSize=25", TestContext.Current.CancellationToken);
        var first = list.GetProperty("items")[0];
        var english = first.GetProperty("districtNameEn").GetString();
        Assert.False(string.IsNullOrEmpty(english), "the demo's districts are the profile's, which names them in English");

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "en");
            await page.Context.SignInAsync(city.Server);
            await page.GotoAsync(city.Server.BaseAddress + "#/sites");
            var cells = page.Locator("#sites-table tbody tr").First.Locator("td");
            await cells.First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });

            Assert.Equal(first.GetProperty("code").GetString(), (await cells.Nth(0).InnerTextAsync()).Trim());
            Assert.Equal(english, (await cells.Nth(3).InnerTextAsync()).Trim());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task The_English_header_keeps_to_one_row_at_1400_pixels()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "en", width: 1400);
            await page.Context.SignInAsync(city.Server);
            await page.GotoAsync(city.Server.BaseAddress + "#/sites");
            await page.Locator("nav.mainnav a.active").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            var layout = await page.EvaluateAsync<JsonElement>(
                """
                () => {
                  const bar = document.querySelector('header.topbar').getBoundingClientRect();
                  const boxes = [...document.querySelectorAll('header.topbar .brand, header.topbar nav.mainnav a, header.topbar .tools')].map(e => e.getBoundingClientRect());
                  const mid = (r) => r.top + r.height / 2;
                  return { height: bar.height, spread: Math.max(...boxes.map(mid)) - Math.min(...boxes.map(mid)), overflow: document.documentElement.scrollWidth - window.innerWidth };
                }
                """);
            await Screenshots.SaveAsync(page, "header-en-1400.png");

            // One row: every part's middle on one line (within a few pixels), the bar no taller than one row, no sideways scroll.
            Assert.True(layout.GetProperty("spread").GetDouble() <= 4, "the header's parts lie on several rows: " + layout);
            Assert.True(layout.GetProperty("height").GetDouble() <= 72, "the header is taller than one row: " + layout);
            Assert.True(layout.GetProperty("overflow").GetDouble() <= 0, "the page scrolls sideways: " + layout);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task The_progress_text_stands_out_from_what_is_behind_it()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "en");
            await page.Context.SignInAsync(city.Server);
            await page.GotoAsync(city.Server.BaseAddress + "#/imports");
            await page.Locator("#import-submit").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            // Shows the progress as an upload would, then measures its text against the nearest opaque background behind it.
            var contrast = await page.EvaluateAsync<double>(
                """
                () => {
                  const progress = document.querySelector('.progress');
                  progress.hidden = false;
                  progress.querySelector('.progress-bar').style.width = '40%';
                  const text = progress.querySelector('.progress-text');
                  text.textContent = 'Uploading 40%…';
                  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
                  let el = text, back = null;
                  while (el && !back) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length < 4 || c[3] > 0) back = c; el = el.parentElement; }
                  back = back ?? [255, 255, 255];
                  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
                  const fg = lum(rgb(getComputedStyle(text).color)), bg = lum(back);
                  // The text must not lie over the bar either.
                  const t = text.getBoundingClientRect(), b = progress.querySelector('.progress-bar').getBoundingClientRect();
                  if (t.bottom > b.top && t.top < b.bottom && t.left < b.right && t.right > b.left) return 0;
                  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
                }
                """);

            // WCAG 2.1 success criterion 1.4.3: at least 4.5 : 1 for text of this size.
            Assert.True(contrast >= 4.5, "progress text contrast " + contrast.ToString("0.0", CultureInfo.InvariantCulture) + " : 1 (or over the bar)");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task The_coverage_target_label_does_not_lie_over_a_bar()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "en");
            await page.Context.SignInAsync(city.Server);
            await page.GotoAsync(city.Server.BaseAddress + "#/coverage");
            await page.WaitForFunctionAsync("() => document.querySelector('#coverage-chart')?.dataset.rendered === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            // Reads the district chart's pixels: the target line and its label are drawn in #c62828, the bars in
            // #0b8a5f (target met) or #e07b16 (missed). Red pixels away from the line's row are the label's; no bar
            // pixel may lie inside the label's box.
            var found = await page.EvaluateAsync<JsonElement>(
                """
                () => {
                  const canvas = document.querySelector('#coverage-chart canvas');
                  const { width, height } = canvas;
                  const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
                  const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60;
                  const reds = [], bars = [], perRow = new Map();
                  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
                    const i = (y * width + x) * 4;
                    if (near(i, [198, 40, 40])) { reds.push([x, y]); perRow.set(y, (perRow.get(y) ?? 0) + 1); }
                    else if (near(i, [11, 138, 95]) || near(i, [224, 123, 22])) bars.push([x, y]);
                  }
                  const lineY = [...perRow.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
                  const label = reds.filter(([, y]) => Math.abs(y - lineY) > 3);
                  if (!label.length) return { labelPixels: 0, overlap: false };
                  const box = label.reduce((b, [x, y]) => ({ x0: Math.min(b.x0, x), x1: Math.max(b.x1, x), y0: Math.min(b.y0, y), y1: Math.max(b.y1, y) }), { x0: width, x1: 0, y0: height, y1: 0 });
                  return { labelPixels: label.length, overlap: bars.some(([x, y]) => x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1), box };
                }
                """);

            Assert.True(found.GetProperty("labelPixels").GetInt32() > 20, "the target line has no label: " + found);
            Assert.False(found.GetProperty("overlap").GetBoolean(), "the target label lies over a bar: " + found);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [GeneratedRegex("[^0-9]")]
    private static partial Regex Digits();

    [GeneratedRegex("[^0-9/]")]
    private static partial Regex SiteCounts();
}
