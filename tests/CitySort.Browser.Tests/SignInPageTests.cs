using CitySort.Security;
using CitySort.Server;
using CitySort.Server.Tests;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The dashboard's sign-in page in headless Chromium: Chinese by default, English through the dashboard's language
/// switch, a wrong password answered in the page's language, sign-in to the dashboard and sign-out back to the page.
/// Screenshots of the page in both languages go to the screenshot folder.
/// </summary>
public sealed class SignInPageTests
{
    private const float TimeoutMs = 60_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerk_signs_in_and_out_in_Chinese_and_after_the_switch_in_English()
    {
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = false }, Ct);
        var (user, password) = await server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "zh");
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(server.BaseAddress.ToString());

            // Chinese by default: the sign-in page, no navigation, a wrong password in words a clerk reads.
            await page.Locator("#sign-in h1").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            Assert.Equal("登录", await page.Locator("#sign-in h1").TextContentAsync());
            Assert.Equal(0, await page.Locator("nav.mainnav a").CountAsync());
            await page.Locator("#username").FillAsync(user);
            await page.Locator("#password").FillAsync("not-the-password");
            await page.Locator("#auth-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#auth-error")).ToHaveTextAsync("用户名或密码不正确。", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "sign-in-zh.png");

            await page.Locator("#password").FillAsync(password);
            await page.Locator("#auth-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#user-chip")).ToHaveTextAsync(user, new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            Assert.Equal("当前用户：" + user, await page.Locator("#user-chip").GetAttributeAsync("title"));
            Assert.Equal("退出登录", await page.Locator("#sign-out").TextContentAsync());
            Assert.True(await page.Locator("nav.mainnav a").CountAsync() > 3);
            await page.Locator("#sign-out").ClickAsync();
            await page.Locator("#sign-in").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });
            using (var after = await new HttpClient().GetAsync(new Uri(server.BaseAddress, "api/sites"), Ct))
            {
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, after.StatusCode);
            }

            // The dashboard's language switch turns the sign-in page and the server's answers into English.
            await page.Locator("#lang-switch").ClickAsync();
            await Assertions.Expect(page.Locator("#sign-in h1")).ToHaveTextAsync("Sign in", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            await page.Locator("#username").FillAsync(user);
            await page.Locator("#password").FillAsync("still-not-the-password");
            await page.Locator("#auth-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#auth-error")).ToHaveTextAsync("The user name or the password is wrong.", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            await Screenshots.SaveAsync(page, "sign-in-en.png");

            await page.Locator("#password").FillAsync(password);
            await page.Locator("#auth-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#user-chip")).ToHaveTextAsync(user, new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            Assert.Equal("Signed in as " + user, await page.Locator("#user-chip").GetAttributeAsync("title"));
            await Screenshots.SaveAsync(page, "signed-in-en.png");
            await page.Locator("#sign-out").ClickAsync();
            await Assertions.Expect(page.Locator("#sign-in h1")).ToHaveTextAsync("Sign in", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            Assert.Empty(errors);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
