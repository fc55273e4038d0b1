using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Security;
using CitySort.Server.Security;
using CitySort.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// Sign-in through the real HTTP pipeline and ASP.NET Core Identity (docs/security.md, "Sign-in"): the clerk's words
/// in Chinese by default and in English on request, lockout after repeated failures, the password rules, and the
/// one-time set-up link of a server without any account.
/// </summary>
public sealed class SignInApiTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, object body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_words_in_Chinese_by_default_and_in_English_on_request()
    {
        var (user, _) = await fixture.Server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        using var client = SignIn.Anonymous(fixture.Server.BaseAddress);

        var (zhStatus, zh) = await PostAsync(client, "api/auth/sign-in", new { userName = user, password = "not-the-password" });
        var (enStatus, en) = await PostAsync(client, "api/auth/sign-in", new { userName = user, password = "not-the-password" }, "en");

        Assert.Equal(HttpStatusCode.Unauthorized, zhStatus);
        Assert.Equal("用户名或密码不正确。", zh.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, enStatus);
        Assert.Equal("The user name or the password is wrong.", en.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = SignIn.Anonymous(fixture.Server.BaseAddress);
        var (status, body) = await PostAsync(client, "api/auth/sign-in", new { userName = "nobody-here", password = "whatever-password" }, "en");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("The user name or the password is wrong.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_that_even_the_right_one_is_refused()
    {
        // IdentitySetup: 5 failures in a row lock the account for 15 minutes (OWASP ASVS 5.0, 6.3.1).
        var (user, password) = await fixture.Server.CreateUserAsync(CitySortRoles.Inspector, cancellationToken: Ct);
        using var client = SignIn.Anonymous(fixture.Server.BaseAddress);
        for (var i = 0; i < IdentitySetup.MaxFailedAttempts; i++)
        {
            await PostAsync(client, "api/auth/sign-in", new { userName = user, password = "wrong-password-" + i });
        }

        var (status, body) = await PostAsync(client, "api/auth/sign-in", new { userName = user, password }, "en");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("LockedOut", body.GetProperty("code").GetString());
        Assert.Contains("locked for 15 minutes", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_sets_the_user_name_and_role_and_signing_out_ends_the_sign_in()
    {
        var (user, password) = await fixture.Server.CreateUserAsync(CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Ct);
        using var client = await SignIn.ClientAsync(fixture.Server.BaseAddress, user, password, Ct);

        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("api/auth/me", UriKind.Relative), Ct);
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(user, me.GetProperty("userName").GetString());
        Assert.Equal("district-officer", me.GetProperty("role").GetString());
        Assert.Equal(["330304"], me.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        using (var sites = await client.GetAsync(new Uri("api/sites", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sites.StatusCode);
        }

        using (var signOut = await client.PostAsync(new Uri("api/auth/sign-out", UriKind.Relative), null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        using var after = await client.GetAsync(new Uri("api/sites", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Answers_to_a_signed_in_user_do_not_renew_the_sign_in_cookie()
    {
        // The stamp is checked on every request; were the cookie renewed with each answer, an answer still in flight
        // when the user signs out would set the cookie again after the sign-out removed it (the browser test of the
        // single sign-on met exactly that).
        var (user, password) = await fixture.Server.CreateUserAsync(CitySortRoles.CityOfficer, cancellationToken: Ct);
        using var client = await SignIn.ClientAsync(fixture.Server.BaseAddress, user, password, Ct);

        foreach (var path in new[] { "api/auth/me", "api/sites", "api/coverage" })
        {
            using var answer = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var cookies = answer.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToArray() : [];
            Assert.DoesNotContain(cookies, c => c.StartsWith("citysort.auth=", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_a_sign_in_the_api_answers_401_and_a_role_without_the_policy_403()
    {
        using var anonymous = SignIn.Anonymous(fixture.Server.BaseAddress);
        var hauler = await fixture.Server.ClientForAsync(CitySortRoles.Hauler, hauler: "H-TEST", cancellationToken: Ct);

        using var unsigned = await anonymous.GetAsync(new Uri("api/sites", UriKind.Relative), Ct);
        using var forbidden = await hauler.GetAsync(new Uri("api/sites", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData("short-pw", "PasswordTooShort")]
    [InlineData("1q2w3e4r5t", "CommonPassword")]
    [InlineData("woaini1314", "CommonPassword")]
    public async Task A_password_too_short_or_on_the_common_password_list_is_refused(string password, string code)
    {
        // "short-pw" has 8 characters, under the minimum of 10; the other two are on the shipped list (SecLists).
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        var result = await accounts.AddAsync(new NewUserAccount("pw-test-" + code + password.Length, CitySortRoles.Inspector, password), Ct);

        Assert.False(result.Succeeded);
        Assert.Contains(IdentityTexts.For(code), result.Problems);
    }

    [Fact]
    public async Task The_set_up_link_creates_the_first_administrator_once_and_is_refused_after()
    {
        await using var database = TestDatabase.Sqlite();
        var app = CitySortServer.Build(new ServerOptions { Storage = database.Storage, SeedDemo = false, Urls = "http://127.0.0.1:0", Mqtt = new Mqtt.MqttDoorOptions { Enabled = false } });
        await app.StartAsync(Ct);
        try
        {
            var address = new Uri(CitySortServer.ListeningAddresses(app).First() + "/");
            using var client = SignIn.Anonymous(address);
            var link = app.Services.GetRequiredService<SetupLink>();
            await Eventually.TrueAsync(() => Task.FromResult(link.IsOpen), TimeSpan.FromSeconds(30), "the set-up link was never issued");
            var before = await client.GetFromJsonAsync<JsonElement>(new Uri("api/auth/me", UriKind.Relative), Ct);
            Assert.True(before.GetProperty("setupOpen").GetBoolean());
            // The test takes the place of the printed line: a new token from the same service.
            var token = link.Issue();

            var (weakStatus, weak) = await PostAsync(client, "api/auth/setup", new { token, userName = "chief", password = "password" }, "en");
            var (status, body) = await PostAsync(client, "api/auth/setup", new { token, userName = "chief", password = "a-long-chosen-secret" });
            var (againStatus, again) = await PostAsync(client, "api/auth/setup", new { token, userName = "intruder", password = "another-long-secret" }, "en");

            // A refused password leaves the link usable; the first good one uses it up.
            Assert.Equal(HttpStatusCode.BadRequest, weakStatus);
            Assert.Contains("too short", weak.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal("city-admin", body.GetProperty("role").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, againStatus);
            Assert.Equal("SetupLinkInvalid", again.GetProperty("code").GetString());
            using var sites = await client.GetAsync(new Uri("api/sites", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, sites.StatusCode);
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync(Ct);
            Assert.Equal(["chief"], accounts.Select(a => a.UserName));
            // The use of the link is in the audit trail: the account it made, by whom (nobody was signed in yet) and from where.
            var trail = await scope.ServiceProvider.GetRequiredService<CitySort.Audit.AuditLog>().ListAsync(new CitySort.Audit.AuditQuery(Entity: "User", Key: "chief"), 1, 50, Ct);
            var added = Assert.Single(trail.Items);
            Assert.Equal(("user-added", "anonymous", "127.0.0.1"), (added.Action, added.Actor, added.Origin));
            using var after = JsonDocument.Parse(added.AfterJson!);
            Assert.Equal(("city-admin", "setup-link"), (after.RootElement.GetProperty("role").GetString(), after.RootElement.GetProperty("via").GetString()));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
