using System.Text;
using CitySort.Server;
using CitySort.Server.Tests;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The audit trail page (<c>#/audit</c>): a street imported through the API with a hostile name is listed under its
/// kind with the request's actor, the JSON after the change shown as text (no element made from it, no script run), the
/// export link carries the same filter, and the page works in English. Screenshot: docs/screenshots/audit.png when
/// updating, else a temporary folder.
/// </summary>
public sealed class AuditPageTests
{
    private const float TimeoutMs = 60_000;

    [Fact]
    public async Task The_audit_page_lists_an_imported_street_with_its_hostile_name_as_text_and_exports_the_same_filter()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = false }, TestContext.Current.CancellationToken);
        try
        {
            var hostile = DemoCityWithHostileNames.Hostile("street");
            var csv = "code,name,district_code,district_name,city_code,province_code\n330302006,\"" + hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",330302,鹿城区,3303,33\n";
            using var imported = await server.Client.PostAsync(
                new Uri("api/imports/divisions?fileName=streets.csv", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

            var page = await HostileNamesTests.NewPageAsync(browser, "zh", width: 1400);
            await page.Context.SignInAsync(server);
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(server.BaseAddress + "#/audit?entity=Street");
            var row = page.Locator("#audit-table tbody tr");
            await row.First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "audit.png", fullPage: true);

            Assert.Equal(1, await row.CountAsync());
            var cells = row.First.Locator("td");
            Assert.Equal((server.AdminUserName, "新增", "Street", "330302006"), (await cells.Nth(1).InnerTextAsync(), await cells.Nth(3).InnerTextAsync(), await cells.Nth(4).InnerTextAsync(), await cells.Nth(5).InnerTextAsync()));
            // The name with its markup is in the JSON after the change (its quotes escaped as JSON writes them), as text:
            // no element made from it, no script run.
            Assert.Contains(hostile.Replace("\"", "\\\"", StringComparison.Ordinal), await cells.Nth(7).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#audit-table img").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
            Assert.Contains("format=csv", await page.Locator("#audit-export").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.Contains("entity=Street", await page.Locator("#audit-export").GetAttributeAsync("href"), StringComparison.Ordinal);

            await page.Locator("#lang-switch").ClickAsync();
            await page.Locator("h1.page-title", new PageLocatorOptions { HasTextString = "Audit trail" }).WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            await page.Locator("#audit-table tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Equal("added", await page.Locator("#audit-table tbody tr td").Nth(3).InnerTextAsync());
            Assert.True(errors.Count == 0, "Script errors on the page: " + string.Join(Environment.NewLine, errors));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
