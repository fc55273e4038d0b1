using CitySort.Security;
using CitySort.Server;
using CitySort.Server.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// The dashboard's sign-in page in headless Chromium: Chinese by default, English through the dashboard's language
/// switch, a wrong password answered in the page's language, sign-in to the dashboard and sign-out back to the page.
/// Screenshots of the page in both languages go to the screenshot folder. With the city's single sign-on configured
/// (a <see cref="FakeOpenIdProvider"/> on 127.0.0.1), the page offers it, a linked identity signs in through it and an
/// identity nobody linked comes back to the page with the reason in its language.
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
            // No single sign-on is configured, so none is offered.
            Assert.Equal(0, await page.Locator("#sso-sign-in").CountAsync());
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

    [Fact]
    public async Task The_citys_single_sign_on_is_offered_signs_in_a_linked_identity_and_brings_a_stranger_back_with_the_reason_in_both_languages()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Ct);
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(
            new ServerOptions
            {
                Storage = database.Storage,
                SeedDemo = false,
                SingleSignOn = new CitySort.Server.Security.SingleSignOnOptions { Authority = provider.Issuer, ClientId = FakeOpenIdProvider.ClientId, ClientSecret = FakeOpenIdProvider.ClientSecret },
            },
            Ct);
        var (user, _) = await server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ExternalLogins>().LinkAsync(user, "browser-subject-1", Ct));
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await HostileNamesTests.NewPageAsync(browser, "zh");
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(server.BaseAddress.ToString());
            await Assertions.Expect(page.Locator("#sso-sign-in")).ToHaveTextAsync("使用城市统一身份认证登录", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });

            // A linked identity: out to the provider and back, signed in as its CitySort account.
            provider.NextSubject = "browser-subject-1";
            await page.Locator("#sso-sign-in").ClickAsync();
            await Assertions.Expect(page.Locator("#user-chip")).ToHaveTextAsync(user, new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            await page.Locator("#sign-out").ClickAsync();
            await page.Locator("#sign-in").WaitForAsync(new LocatorWaitForOptions { Timeout = TimeoutMs });

            // An identity nobody linked: back on the sign-in page with the reason, in Chinese, then in English.
            provider.NextSubject = "browser-stranger";
            await page.Locator("#sso-sign-in").ClickAsync();
            await Assertions.Expect(page.Locator("#sso-error")).ToHaveTextAsync("您的统一身份认证账户还没有关联 CitySort 账户，未能登录。请联系系统管理员开通。", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            Assert.Equal(0, await page.Locator("#user-chip").CountAsync());
            await page.Locator("#lang-switch").ClickAsync();
            await Assertions.Expect(page.Locator("#sso-error")).ToHaveTextAsync("Your single sign-on identity is not linked to a CitySort account, so you were not signed in. Ask the system administrator to link one.", new LocatorAssertionsToHaveTextOptions { Timeout = TimeoutMs });
            Assert.Equal("Sign in with the city's single sign-on", await page.Locator("#sso-sign-in").TextContentAsync());
            await Screenshots.SaveAsync(page, "sign-in-sso-refused-en.png");
            Assert.Empty(errors);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
