using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The dashboard asks the server for answers in the language of its own switch, not the browser's: every API request
/// carries <c>Accept-Language</c> of the switch, so a rejected import's reasons come in that language; and the plans
/// page shows an unserved site's reason as the API words it (reason, reasonZh), reading nothing from English text.
/// </summary>
[Collection(nameof(DemoCityCollection))]
public sealed partial class LanguageSwitchTests(DemoCityWithHostileNames city)
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task Every_API_request_carries_the_switchs_language_and_import_reasons_come_in_it()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            // A Chinese browser with the dashboard switched to English.
            var page = await HostileNamesTests.NewPageAsync(browser, "en", locale: "zh-CN");
            await page.Context.SignInAsync(city.Server);
            var languages = new List<(string Url, string? Language)>();
            page.Request += async (_, request) =>
            {
                if (request.Url.Contains("/api/", StringComparison.Ordinal))
                {
                    var headers = await request.AllHeadersAsync();
                    lock (languages)
                    {
                        languages.Add((request.Url, headers.GetValueOrDefault("accept-language")));
                    }
                }
            };
            await page.GotoAsync(city.Server.BaseAddress + "#/imports");
            await page.Locator("#import-submit").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });

            // Line 2: a street code of 8 characters (W96's divisions file needs 9 digits).
            var english = await RejectedReasonAsync(page);
            Assert.Contains("is not a street code", english, StringComparison.Ordinal);

            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'zh-CN'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await page.Locator("#import-submit").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            var chinese = await RejectedReasonAsync(page);
            Assert.Contains("不是街道代码", chinese, StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "imports-rejected-zh.png", fullPage: true);

            List<(string Url, string? Language)> seen;
            lock (languages)
            {
                seen = [.. languages];
            }

            Assert.Contains(seen, r => r.Language == "en");
            Assert.Contains(seen, r => r.Language == "zh-CN");
            Assert.All(seen, r => Assert.True(r.Language is "en" or "zh-CN", r.Url + " asked in " + r.Language));
            Assert.Contains(seen, r => r.Url.Contains("/api/imports/divisions", StringComparison.Ordinal) && r.Language == "en");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task An_unserved_sites_reason_is_shown_as_the_API_words_it_in_each_language()
    {
        const string ReasonEn = "holds 6200 kg, more than the 5000 kg a vehicle carries in one trip";
        // Words no translation of the English would give: the page must show what the API says.
        const string ReasonZh = "服务器给出的理由：待收 6200 千克";
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "zh");
            await page.Context.SignInAsync(city.Server);
            await page.RouteAsync(PlansQuery(), async route =>
            {
                var response = await route.FetchAsync();
                var body = await response.TextAsync();
                if (route.Request.Url.Contains("format=geojson", StringComparison.Ordinal) || !response.Ok)
                {
                    await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body });
                    return;
                }

                var set = JsonNode.Parse(body)!;
                set["plans"]![0]!["unserved"]!.AsArray().Add(new JsonObject
                {
                    ["siteCode"] = "X-HEAVY",
                    ["siteName"] = "待收过多的点位",
                    ["longitude"] = 120.66,
                    ["latitude"] = 28.01,
                    ["demandKg"] = 6200,
                    ["reason"] = ReasonEn,
                    ["reasonCode"] = "tooHeavy",
                    ["reasonZh"] = ReasonZh,
                });
                await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = set.ToJsonString() });
            });

            await page.GotoAsync(city.Server.BaseAddress + "#/plans?date=" + DemoCityWithHostileNames.PlannedDay);
            var cell = page.Locator("#plan-unserved td[data-reason-code='tooHeavy']");
            await cell.First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Equal(ReasonZh, (await cell.First.InnerTextAsync()).Trim());
            await page.Locator("#plan-unserved").ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "plans-unserved-zh.png", fullPage: true);

            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForFunctionAsync(
                "text => [...document.querySelectorAll(\"#plan-unserved td[data-reason-code='tooHeavy']\")].some(td => td.textContent.trim() === text)",
                ReasonEn, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task<string> RejectedReasonAsync(IPage page)
    {
        await page.Locator("#import-kind").SelectOptionAsync("divisions");
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "bad_streets.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("code,name,district_code,district_name\n33030201,五马街道,330302,鹿城区\n"),
        });
        await page.Locator("#import-submit").ClickAsync();
        var problems = page.Locator("#import-problems");
        await problems.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
        return await problems.InnerTextAsync();
    }

    // Playwright passes the pattern to the browser, which takes no .NET-only options such as CultureInvariant.
    [GeneratedRegex(@"/api/plans\?")]
    private static partial Regex PlansQuery();
}
