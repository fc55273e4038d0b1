using System.Text.Json;
using CitySort.Server.Operations;
using Microsoft.Playwright;
using static CitySort.Browser.Tests.DemoCityWithHostileNames;

namespace CitySort.Browser.Tests;

/// <summary>
/// The security headers on every response the dashboard receives, and a dashboard that runs under its
/// Content-Security-Policy (issue 12, item 5, "What it must show": the security headers asserted on every response).
/// Every page is opened as a user would; every response from the server (the page, its scripts and styles, every API
/// answer, SignalR's negotiation) must carry the policy, <c>nosniff</c>, <c>DENY</c> framing and no referrer, and the
/// browser must report no policy violation, which would mean a part of a page silently did not work.
/// </summary>
[Collection(nameof(DemoCityCollection))]
public sealed class SecurityHeadersTests(DemoCityWithHostileNames city)
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task Every_page_runs_under_the_content_security_policy_and_every_response_carries_the_headers()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            await context.AddInitScriptAsync(
                "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
            await context.SignInAsync(city.Server);
            var page = await context.NewPageAsync();
            var root = city.Server.BaseAddress;
            var checkedResponses = new List<string>();
            var missing = new List<string>();
            page.Response += (_, response) =>
            {
                if (!Uri.TryCreate(response.Url, UriKind.Absolute, out var url) || url.Authority != root.Authority)
                {
                    return;
                }

                lock (checkedResponses)
                {
                    checkedResponses.Add(url.PathAndQuery);
                    var problems = HeaderProblems(url.AbsolutePath, response.Headers);
                    if (problems.Count > 0)
                    {
                        missing.Add(url.PathAndQuery + ": " + string.Join("; ", problems));
                    }
                }
            };

            await page.GotoAsync(root.ToString());
            await page.WaitForFunctionAsync("() => document.querySelector('#map')?.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "overview");

            await page.GotoAsync(root + "#/sites");
            await page.Locator("#sites-table tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await page.Locator("#sites-table tbody tr a").First.ClickAsync();
            await page.Locator(".site-head").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "site");

            await page.GotoAsync(root + "#/coverage");
            await page.WaitForFunctionAsync("() => document.querySelector('#coverage-chart')?.dataset.rendered === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "coverage");

            await page.GotoAsync(root + "#/plans?date=" + PlannedDay);
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#plan-map'); return m && m.dataset.ready === 'true' && Number(m.dataset.trips) > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "plans");

            await page.GotoAsync(root + "#/live");
            // SignalR connects by WebSocket to the same origin, which connect-src 'self' must allow.
            await page.WaitForFunctionAsync(
                "() => document.querySelector('#live-map')?.dataset.ready === 'true' && document.querySelector('#live-status')?.dataset.state === 'connected'",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "live");

            await page.GotoAsync(root + "#/profile");
            await page.Locator(".site-head").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "profile");

            await page.GotoAsync(root + "#/imports");
            await page.Locator("#import-kind").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "imports");

            await page.GotoAsync(root + "#/progress");
            await page.WaitForFunctionAsync("() => document.querySelector('#progress-chart')?.dataset.rendered === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "progress");

            // The reference page has its own, documented policy; it must still render under it.
            await page.GotoAsync(root + "api/reference/");
            await page.Locator("text=CitySort API").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertNoViolationAsync(page, "api reference");

            lock (checkedResponses)
            {
                // The pages above fetch the dashboard's files and at least these API answers; an empty list would
                // mean the handler saw nothing and proved nothing.
                Assert.Contains(checkedResponses, p => p.StartsWith("/assets/app.js", StringComparison.Ordinal));
                Assert.Contains(checkedResponses, p => p.StartsWith("/api/sites", StringComparison.Ordinal));
                Assert.Contains(checkedResponses, p => p.StartsWith("/api/plans", StringComparison.Ordinal));
                Assert.Contains(checkedResponses, p => p.StartsWith("/api/reference", StringComparison.Ordinal));
                Assert.True(missing.Count == 0, "responses without the security headers:\n" + string.Join("\n", missing));
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>What is missing or wrong in one response's headers (names are lower case in Playwright).</summary>
    private static List<string> HeaderProblems(string path, Dictionary<string, string> headers)
    {
        var problems = new List<string>();
        var expectedPolicy = path.StartsWith(SecurityHeaders.ReferencePath, StringComparison.OrdinalIgnoreCase)
            ? SecurityHeaders.ReferenceContentSecurityPolicy
            : SecurityHeaders.ContentSecurityPolicy;
        Expect("content-security-policy", expectedPolicy);
        Expect("x-content-type-options", "nosniff");
        Expect("x-frame-options", "DENY");
        Expect("referrer-policy", "no-referrer");
        if (!headers.TryGetValue("content-security-policy", out var policy) || !policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            problems.Add("no frame-ancestors 'none'");
        }

        if (!path.StartsWith(SecurityHeaders.ReferencePath, StringComparison.OrdinalIgnoreCase)
            && policy is not null && policy.Contains("unsafe-inline", StringComparison.Ordinal))
        {
            problems.Add("inline script or style allowed");
        }

        return problems;

        void Expect(string name, string value)
        {
            if (!headers.TryGetValue(name, out var actual) || actual != value)
            {
                problems.Add(name + " is '" + (actual ?? "absent") + "', expected '" + value + "'");
            }
        }
    }

    /// <summary>Asserts that the browser reported no Content-Security-Policy violation so far on this page.</summary>
    private static async Task AssertNoViolationAsync(IPage page, string where)
    {
        var violations = await page.EvaluateAsync<JsonElement>("() => window.__csp ?? []");
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, where + ": the page broke its Content-Security-Policy: " + string.Join(", ", list));
    }
}
