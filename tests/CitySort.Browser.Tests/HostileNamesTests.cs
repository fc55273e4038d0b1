using System.Text.Json;
using Microsoft.Playwright;
using static CitySort.Browser.Tests.DemoCityWithHostileNames;

namespace CitySort.Browser.Tests;

/// <summary>
/// Every name that comes from outside is data, never markup (issue 10, defect 1): on every page that shows imported
/// names, and in every map tooltip, a name such as <c>&lt;img src=x onerror=...&gt;</c> appears as its own text, no
/// element is made from it and no script runs. Tooltips are opened as a user would (hovering the marker, the line, the
/// boundary), since Leaflet puts a string tooltip in with innerHTML.
/// </summary>
[Collection(nameof(DemoCityCollection))]
public sealed class HostileNamesTests(DemoCityWithHostileNames city)
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task Hostile_names_render_as_text_on_every_page_and_in_every_tooltip()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await NewPageAsync(browser, "zh");
            await page.Context.SignInAsync(city.Server);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            var root = city.Server.BaseAddress.ToString();

            // Overview: the district table, the boundary tooltip, a site marker's tooltip (canvas) and a facility's.
            await page.GotoAsync(root);
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#map'); return m && m.dataset.ready === 'true' && Number(m.dataset.siteMarkers) > 0 && m.querySelectorAll('.leaflet-boundaries-pane path').length > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "overview", Hostile("district"));
            await AssertTooltipAsync(page, "overview boundary", () => DispatchOverAsync(page, "#map .leaflet-boundaries-pane path"), Hostile("district"));
            await AssertTooltipAsync(page, "overview site marker", () => HoverCanvasMarkerAsync(page), Hostile("site"));
            await AssertTooltipAsync(page, "overview facility", () => DispatchOverAsync(page, "#map .facility-icon"), Hostile("facility"));

            // Sites table and a site's page: names, district, street, community and address.
            await page.GotoAsync(root + "#/sites");
            await page.Locator("#sites-table tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "sites", Hostile("site"), Hostile("address"), Hostile("district"), Hostile("street"));
            await page.Locator("#sites-table tbody tr a").First.ClickAsync();
            await page.Locator(".site-head").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "site", Hostile("site"), Hostile("address"), Hostile("district"), Hostile("street"));

            // Coverage: the chart and its tables (scope names come from the profile, the page must stay inert).
            await page.GotoAsync(root + "#/coverage");
            await page.WaitForFunctionAsync("() => document.querySelector('#coverage-chart')?.dataset.rendered === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "coverage");

            // Plans: the stored day, its stops (site names), trips, facilities and depots, each with its tooltip.
            await page.GotoAsync(root + "#/plans?date=" + PlannedDay);
            await page.WaitForFunctionAsync(
                "() => { const m = document.querySelector('#plan-map'); return m && m.dataset.ready === 'true' && Number(m.dataset.trips) > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "plans");
            await AssertTooltipAsync(page, "plan stop", () => DispatchOverAsync(page, "#plan-map path.plan-stop"), Hostile("site"));
            await AssertTooltipAsync(page, "plan facility", () => DispatchOverAsync(page, "#plan-map .facility-icon"), Hostile("facility"));
            await AssertTooltipAsync(page, "plan trip", () => DispatchOverAsync(page, "#plan-map path.plan-trip"), null);
            await AssertTooltipAsync(page, "plan depot", () => DispatchOverAsync(page, "#plan-map .depot-icon"), null);
            if (await page.Locator("#plan-map path.plan-unserved").CountAsync() > 0)
            {
                await AssertTooltipAsync(page, "plan unserved site", () => DispatchOverAsync(page, "#plan-map path.plan-unserved"), Hostile("site"));
            }

            // Registry upkeep: the facilities' names in their table and the district names in the forms' choices.
            await page.GotoAsync(root + "#/registry");
            await page.Locator("#facilities-table tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "registry", Hostile("facility"));

            // Live: the day's page with its map (district boundaries and facilities) and lists.
            await page.GotoAsync(root + "#/live");
            await page.WaitForFunctionAsync("() => document.querySelector('#live-map')?.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "live");

            // Imports: the file name and a bad value come back in the problem texts.
            await page.GotoAsync(root + "#/imports");
            await page.Locator("#import-kind").SelectOptionAsync("sites");
            await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
            {
                Name = Hostile("file") + ".csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes(
                    "code,name,type,district_code,street_code,community_code,address,longitude,latitude,datum,floors,households,staff,property_management,canteen,wet_dry_pilot,bagged_zone,kitchen_waste_heavy,collected_sorted,bins\n"
                    + "X-1,\"" + Hostile("imported").Replace("\"", "\"\"", StringComparison.Ordinal) + "\",\"" + Hostile("type").Replace("\"", "\"\"", StringComparison.Ordinal) + "\",330302,,,a,120.65,28.01,WGS84,1,1,,no,no,no,no,no,yes,recyclable/site/1/120\n"),
            });
            await page.Locator("#import-submit").ClickAsync();
            await page.Locator("#import-problems tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await AssertInertAsync(page, "imports", "onerror=");

            Assert.True(errors.Count == 0, "Script errors on the pages: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    internal static async Task<IPage> NewPageAsync(IBrowser browser, string lang, int width = 1440, string locale = "zh-CN")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = locale });
        await context.AddInitScriptAsync("localStorage.setItem('citysort.lang', '" + lang + "');");
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Asserts that no script from a name ran (<c>window.__xss</c> unset), that no element was made from one (no
    /// <c>img[src=x]</c>), and that each expected text is on the page as text.
    /// </summary>
    private static async Task AssertInertAsync(IPage page, string where, params string[] texts)
    {
        var state = await page.EvaluateAsync<JsonElement>(
            "() => ({ xss: window.__xss === undefined ? null : String(window.__xss), images: document.querySelectorAll('img[src=\"x\"]').length, text: document.body.innerText })");
        Assert.True(state.GetProperty("xss").ValueKind == JsonValueKind.Null, where + ": a name ran as script (window.__xss = " + state.GetProperty("xss") + ")");
        Assert.True(state.GetProperty("images").GetInt32() == 0, where + ": an element was made from a name");
        var text = state.GetProperty("text").GetString() ?? string.Empty;
        foreach (var expected in texts)
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), where + ": '" + expected + "' is not shown as text");
        }
    }

    /// <summary>Opens a tooltip with <paramref name="open"/> and asserts it shows <paramref name="expected"/> (if given) as text, inertly.</summary>
    private static async Task AssertTooltipAsync(IPage page, string where, Func<Task> open, string? expected)
    {
        await open();
        var tooltip = page.Locator(".leaflet-tooltip").Last;
        await tooltip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = TimeoutMs });
        var text = await tooltip.TextContentAsync() ?? string.Empty;
        Assert.True(await tooltip.Locator("img").CountAsync() == 0, where + ": the tooltip made an element from a name: " + await tooltip.InnerHTMLAsync());
        if (expected is not null)
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), where + ": tooltip '" + text + "' does not show '" + expected + "' as text");
        }

        await AssertInertAsync(page, where);
        // Close it again, so that the next tooltip is the only one.
        await page.EvaluateAsync("() => document.querySelectorAll('.leaflet-tooltip').forEach(t => t.remove())");
    }

    /// <summary>Sends the mouse-over a user's pointer would to the first element matching selector (SVG paths and marker icons).</summary>
    private static Task DispatchOverAsync(IPage page, string selector) =>
        page.EvaluateAsync(
            "(selector) => { const el = document.querySelector(selector); if (!el) throw new Error('nothing matches ' + selector); const r = el.getBoundingClientRect(); const at = { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, view: window }; el.dispatchEvent(new MouseEvent('mouseover', at)); el.dispatchEvent(new MouseEvent('mousemove', at)); }",
            selector);

    /// <summary>Moves the real mouse onto a site marker drawn on the overview's canvas, found by its green or red fill.</summary>
    private static async Task HoverCanvasMarkerAsync(IPage page)
    {
        var point = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const canvas = document.querySelector('#map .leaflet-overlay-pane canvas');
              const r = canvas.getBoundingClientRect();
              const map = document.querySelector('#map').getBoundingClientRect();
              const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              for (let y = 2; y < canvas.height - 2; y++) for (let x = 2; x < canvas.width - 2; x++) {
                const i = (y * canvas.width + x) * 4, red = data[i], green = data[i + 1], blue = data[i + 2];
                const marker = (green > 130 && red < 80 && blue < 120) || (red > 190 && green < 90 && blue < 90);
                const cx = r.left + x * r.width / canvas.width, cy = r.top + y * r.height / canvas.height;
                // Inside the map and away from its controls (zoom buttons top left, legend bottom right).
                if (marker && cx > map.left + 60 && cx < map.right - 220 && cy > map.top + 20 && cy < map.bottom - 20) return { x: cx, y: cy };
              }
              return null;
            }
            """);
        Assert.True(point.ValueKind == JsonValueKind.Object, "no site marker found on the overview's canvas");
        var (x, y) = (point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        // Leaflet's canvas drops mouse moves that come within 32 ms of the last one it handled, so the pointer is
        // nudged by a pixel until the marker's tooltip is open (or the attempts run out and the caller's wait fails).
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.Mouse.MoveAsync(x + (attempt % 2), y);
            try
            {
                await page.Locator(".leaflet-tooltip").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 250 });
                return;
            }
            catch (TimeoutException)
            {
                // Not open yet: move again.
            }
        }
    }
}
