using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Server;
using CitySort.Server.Tests;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// Registry upkeep in the dashboard (issue 10; docs/registry.md): a site is edited on its page (a refused point is
/// explained beside its field in the page's language, a good change is saved), and a vehicle is retired on the
/// registry page, after which it is listed only with the retired records, marked.
/// </summary>
public sealed class RegistryEditPageTests
{
    private const float TimeoutMs = 60_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_clerk_edits_a_site_and_retires_a_vehicle_and_sees_the_result()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = true }, TestContext.Current.CancellationToken);
        var cancel = TestContext.Current.CancellationToken;
        var site = (await server.Client.GetFromJsonAsync<JsonElement>("api/sites?pageSize=1", Json, cancel)).GetProperty("items")[0].GetProperty("code").GetString()!;
        var plate = (await server.Client.GetFromJsonAsync<JsonElement>("api/vehicles", Json, cancel))[0].GetProperty("plate").GetString()!;
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "zh");
            await page.Context.SignInAsync(server);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

            // The site page: the edit form; a point in Paris is refused beside the longitude, in Chinese.
            await page.GotoAsync(server.BaseAddress + "#/sites/" + Uri.EscapeDataString(site));
            await page.Locator("#site-edit").ClickAsync(new LocatorClickOptions { Timeout = TimeoutMs });
            await page.Locator("#edit-longitude").FillAsync("2.35");
            await page.Locator("#edit-latitude").FillAsync("48.85");
            await page.Locator("#site-editor [data-action=save]").ClickAsync();
            var longitudeError = page.Locator("[data-field=longitude] .field-error");
            await longitudeError.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = TimeoutMs });
            Assert.Contains("不在中国大陆范围内", await longitudeError.InnerTextAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "site-edit.png", fullPage: true);

            // A good change: the name (set as text, markup stays text) and a bin group more; the page shows both.
            var before = await server.Client.GetFromJsonAsync<JsonElement>("api/sites/" + Uri.EscapeDataString(site), Json, cancel);
            await page.Locator("#edit-longitude").FillAsync(before.GetProperty("longitude").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#edit-latitude").FillAsync(before.GetProperty("latitude").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#edit-name").FillAsync("改名小区 <b>新</b>");
            await page.Locator("#edit-add-bin").ClickAsync();
            await page.Locator("#site-editor [data-action=save]").ClickAsync();
            await page.Locator("h1.page-title", new PageLocatorOptions { HasText = "改名小区 <b>新</b>" }).WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            var after = await server.Client.GetFromJsonAsync<JsonElement>("api/sites/" + Uri.EscapeDataString(site), Json, cancel);
            Assert.Equal(("改名小区 <b>新</b>", before.GetProperty("bins").GetArrayLength() + 1, before.GetProperty("version").GetInt32() + 1),
                (after.GetProperty("name").GetString(), after.GetProperty("bins").GetArrayLength(), after.GetProperty("version").GetInt32()));
            Assert.Equal(0, await page.Locator("h1.page-title b").CountAsync());

            // The registry page: retire the vehicle; it leaves the list, and comes back marked with the retired records.
            await page.GotoAsync(server.BaseAddress + "#/registry");
            var row = page.Locator($"#vehicles-table tr[data-key='{plate}']");
            await row.Locator("[data-action=retire]").ClickAsync(new LocatorClickOptions { Timeout = TimeoutMs });
            await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = TimeoutMs });
            await page.Locator("#show-retired input").CheckAsync();
            var retired = page.Locator($"#vehicles-table tr.retired[data-key='{plate}'] .chip.retired");
            await retired.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.StartsWith("已停用 ", await retired.InnerTextAsync(), StringComparison.Ordinal);
            await retired.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "registry.png");

            var vehicles = await server.Client.GetFromJsonAsync<JsonElement>("api/vehicles?includeRetired=true", Json, cancel);
            var listed = vehicles.EnumerateArray().Single(v => v.GetProperty("plate").GetString() == plate);
            Assert.Equal(JsonValueKind.String, listed.GetProperty("retiredAt").ValueKind);
            Assert.True(errors.Count == 0, "Script errors on the pages: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
