using System.Net;
using System.Text.Json;
using CitySort.Security;
using CitySort.Server.Security;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// The city's single sign-on (issue 12, item 1; docs/security.md, "Single sign-on") through the whole authorization
/// code flow: a CitySort server configured with <see cref="FakeOpenIdProvider"/> on 127.0.0.1 as its provider, and one
/// HTTP client playing the browser, which keeps the cookies of both and follows every redirect by hand. Only an identity
/// an administrator linked to a CitySort account gets in, and then with that account's role and scope.
/// </summary>
public sealed class SingleSignOnTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_linked_identity_ends_signed_in_with_its_accounts_role_and_district_scope()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Ct);
        await using var database = TestDatabase.Sqlite();
        await using var server = await StartServerAsync(provider, database);
        var divisions = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "test_divisions.csv"), Ct);
        using (var imported = await ServerFixture.PostFileAsync(server.Client, "divisions", "test_divisions.csv", divisions))
        {
            imported.EnsureSuccessStatusCode();
        }

        var (officer, _) = await server.CreateUserAsync(CitySortRoles.DistrictOfficer, ["330302"], cancellationToken: Ct);
        await LinkAsync(server, officer, "sso-subject-lucheng-1");
        provider.NextSubject = "sso-subject-lucheng-1";
        using var browser = Browser();

        var hops = await SignInThroughProviderAsync(browser, server.BaseAddress);

        // Out to the provider, back to the callback, then to the dashboard's start page.
        Assert.Equal(["/authorize", CitySort.Server.Security.SingleSignOn.CallbackPath, "/"], hops.Select(h => h.AbsolutePath));
        var asked = Assert.Single(provider.AuthorizationRequests);
        Assert.True(asked.ContainsKey("state") && asked.ContainsKey("nonce") && asked.ContainsKey("code_challenge"), "state, nonce and a PKCE challenge are sent: " + string.Join(',', asked.Keys));
        var me = await MeAsync(browser, server.BaseAddress);
        Assert.True(me.GetProperty("signedIn").GetBoolean(), me.ToString());
        Assert.Equal((officer, CitySortRoles.DistrictOfficer), (me.GetProperty("userName").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(["330302"], me.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        // The scope is in force: another district's figures are refused (403) to this account.
        using var other = await browser.GetAsync(new Uri(server.BaseAddress, "api/sites?district=330304"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task An_identity_nobody_linked_is_refused_with_its_reason_an_audit_entry_and_no_account_made(string databaseKind)
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Ct);
        await using var database = await DatabaseAsync(databaseKind);
        await using var server = await StartServerAsync(provider, database);
        var (officer, _) = await server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        await LinkAsync(server, officer, "sso-subject-known");
        var (usersBefore, loginsBefore) = await CountAsync(server);
        provider.NextSubject = "sso-subject-stranger";
        using var browser = Browser();

        var hops = await SignInThroughProviderAsync(browser, server.BaseAddress);

        Assert.Equal(new Uri(server.BaseAddress, "/#/?sso=SsoUnknownIdentity"), hops[^1]);
        Assert.Equal(1, provider.TokensIssued);
        Assert.False((await MeAsync(browser, server.BaseAddress)).GetProperty("signedIn").GetBoolean());
        Assert.Equal((usersBefore, loginsBefore), await CountAsync(server));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CitySortDbContext>();
        var refused = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "sso-refused").ToListAsync(Ct);
        var entry = Assert.Single(refused);
        Assert.Equal(("User", "sso-subject-stranger", "anonymous", "127.0.0.1"), (entry.Entity, entry.Key, entry.Actor, entry.Origin));
        Assert.Contains("SsoUnknownIdentity", entry.AfterJson, StringComparison.Ordinal);
        // The page's words for the reason exist in both languages.
        var (zh, en) = IdentityTexts.For("SsoUnknownIdentity");
        Assert.Contains("管理员", zh, StringComparison.Ordinal);
        Assert.Contains("administrator", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_token_whose_signature_was_altered_is_refused_even_for_a_linked_identity()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Ct);
        await using var database = TestDatabase.Sqlite();
        await using var server = await StartServerAsync(provider, database);
        var (officer, _) = await server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        await LinkAsync(server, officer, "sso-subject-officer");
        provider.NextSubject = "sso-subject-officer";
        provider.TamperSignature = true;
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);

        var hops = await SignInThroughProviderAsync(browser, server.BaseAddress);

        // The token was fetched and then refused: the callback sends the browser back with the failure.
        Assert.Equal(1, provider.TokensIssued);
        Assert.Equal(new Uri(server.BaseAddress, "/#/?sso=SsoFailed"), hops[^1]);
        Assert.False((await MeAsync(browser, server.BaseAddress)).GetProperty("signedIn").GetBoolean());
        Assert.Null(cookies.GetCookies(server.BaseAddress)[CitySort.Testing.SignIn.CookieName]);
    }

    [Fact]
    public async Task A_provider_naming_another_issuer_than_the_configured_one_is_refused_even_with_a_valid_signature()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Ct);
        // The discovery document and its well-signed tokens name an issuer other than the configured authority.
        provider.AdvertisedIssuer = "https://sso.another-city.example";
        await using var database = TestDatabase.Sqlite();
        await using var server = await StartServerAsync(provider, database);
        var (officer, _) = await server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        await LinkAsync(server, officer, "sso-subject-officer");
        provider.NextSubject = "sso-subject-officer";
        using var browser = Browser();

        var hops = await SignInThroughProviderAsync(browser, server.BaseAddress);

        Assert.Equal(1, provider.TokensIssued);
        Assert.Equal(new Uri(server.BaseAddress, "/#/?sso=SsoFailed"), hops[^1]);
        Assert.False((await MeAsync(browser, server.BaseAddress)).GetProperty("signedIn").GetBoolean());
        // Refused by the issuer check after the token's signature passed: its audit entry names the issuer.
        await using var scope = server.Services.CreateAsyncScope();
        var entry = Assert.Single(await scope.ServiceProvider.GetRequiredService<CitySortDbContext>().AuditEntries.AsNoTracking().Where(e => e.Action == "sso-refused").ToListAsync(Ct));
        Assert.Equal("(issuer)", entry.Key);
        Assert.Contains("https://sso.another-city.example", entry.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_told_whether_single_sign_on_is_configured_and_its_start_is_404_when_not()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Ct);
        await using var database = TestDatabase.Sqlite();
        await using var configured = await StartServerAsync(provider, database);
        await using var plainDatabase = TestDatabase.Sqlite();
        await using var plain = await RunningServer.StartAsync(new ServerOptions { Storage = plainDatabase.Storage, SeedDemo = false }, Ct);
        using var browser = Browser();

        Assert.True((await MeAsync(browser, configured.BaseAddress)).GetProperty("singleSignOn").GetBoolean());
        Assert.False((await MeAsync(browser, plain.BaseAddress)).GetProperty("singleSignOn").GetBoolean());
        using var start = await browser.GetAsync(new Uri(plain.BaseAddress, "api/auth/sso"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Contains("SsoNotConfigured", await start.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>A fresh database of <paramref name="kind"/>; PostgreSQL skips (fails under CI) when it is not configured.</summary>
    private static async Task<TestDatabase> DatabaseAsync(string kind)
    {
        if (kind == "sqlite")
        {
            return TestDatabase.Sqlite();
        }

        var database = await TestDatabase.PostgresAsync(Ct);
        if (database is null)
        {
            CitySort.Testing.Requires.Missing("PostgreSQL is not configured: set " + TestDatabase.PostgresVariable + " to a connection string (Npgsql syntax) of a role that may create databases");
        }

        return database!;
    }

    private static Task<RunningServer> StartServerAsync(FakeOpenIdProvider provider, TestDatabase database) =>
        RunningServer.StartAsync(
            new ServerOptions
            {
                Storage = database.Storage,
                SeedDemo = false,
                SingleSignOn = new SingleSignOnOptions { Authority = provider.Issuer, ClientId = FakeOpenIdProvider.ClientId, ClientSecret = FakeOpenIdProvider.ClientSecret },
            },
            Ct);

    private static async Task LinkAsync(RunningServer server, string userName, string key)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<ExternalLogins>().LinkAsync(userName, key, Ct);
        Assert.Empty(problems);
    }

    private static async Task<(int Users, int Logins)> CountAsync(RunningServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CitySortDbContext>();
        return (await db.Users.CountAsync(Ct), await db.UserLogins.CountAsync(Ct));
    }

    /// <summary>A client that keeps the cookies of every host in <paramref name="cookies"/> and follows no redirect by itself.</summary>
    private static HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>
    /// Opens <c>/api/auth/sso</c> and follows each redirect (at most 10), as a browser does; returns every address it
    /// was sent to, in order. The dashboard's own address ends the walk (its page is not needed).
    /// </summary>
    private static async Task<List<Uri>> SignInThroughProviderAsync(HttpClient browser, Uri server)
    {
        var hops = new List<Uri>();
        var next = new Uri(server, "api/auth/sso");
        for (var hop = 0; hop < 10; hop++)
        {
            using var response = await browser.GetAsync(next, Ct);
            if ((int)response.StatusCode is < 300 or > 399)
            {
                Assert.Fail($"{next} answered {(int)response.StatusCode} instead of a redirect: {await response.Content.ReadAsStringAsync(Ct)}");
            }

            next = new Uri(next, response.Headers.Location!);
            hops.Add(next);
            if (next.Authority == server.Authority && next.AbsolutePath == "/")
            {
                return hops;
            }
        }

        Assert.Fail("more than 10 redirects: " + string.Join(" → ", hops));
        return hops;
    }

    private static async Task<JsonElement> MeAsync(HttpClient browser, Uri server)
    {
        using var response = await browser.GetAsync(new Uri(server, "api/auth/me"), Ct);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

}
