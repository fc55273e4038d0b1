using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitySort.Security;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// Anti-forgery for writes made with the sign-in cookie (issue 12, item 5; docs/security.md, "Anti-forgery"),
/// through the real HTTP pipeline: a signed-in write without the token, or with another user's token, is refused with
/// the reason before anything changes; with the user's own token from <c>GET /api/auth/me</c> it goes through.
/// </summary>
public sealed class AntiforgeryTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_write_needs_the_users_own_token_and_a_refused_one_changes_nothing()
    {
        var server = fixture.Server;
        using var first = await SignedInWithoutTokenAsync(server);
        using var second = await SignedInWithoutTokenAsync(server);
        // The first user has its token (and so the antiforgery cookie) as the dashboard would, but sends it only in step 3.
        var ownToken = await TokenAsync(first);
        var site = await SiteAsync(first, "T-R1");
        var before = site["name"]!.GetValue<string>();
        site["name"] = before + "（改）";

        // 1. The cookies alone, without the header: refused, in Chinese by default, and the site keeps its name.
        using (var bare = await PutAsync(first, site, token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            var problem = await bare.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("antiforgery", problem.GetProperty("reason").GetString());
            Assert.Contains("安全令牌", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await SiteAsync(first, "T-R1"))["name"]!.GetValue<string>());

        // 2. Another signed-in user's token with the first user's cookies: refused (the token is bound to its user).
        var othersToken = await TokenAsync(second);
        using (var borrowed = await PutAsync(first, site, othersToken, "en"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
            var problem = await borrowed.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("security token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await SiteAsync(first, "T-R1"))["name"]!.GetValue<string>());

        // 3. The user's own token: the change is saved.
        using (var own = await PutAsync(first, site, ownToken))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        Assert.Equal(before + "（改）", (await SiteAsync(first, "T-R1"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_token_and_reads_need_none()
    {
        using var anonymous = fixture.Server.AnonymousClient();
        var me = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("api/auth/me", UriKind.Relative), Ct);
        Assert.False(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("antiforgeryToken").ValueKind);

        using var signedIn = await SignedInWithoutTokenAsync(fixture.Server);
        using var read = await signedIn.GetAsync(new Uri("api/sites/T-R1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    /// <summary>A new administrator signed in through the real sign-in, with cookies only (no token header).</summary>
    private static async Task<HttpClient> SignedInWithoutTokenAsync(RunningServer server)
    {
        var (user, password) = await server.CreateUserAsync(CitySortRoles.CityAdministrator, cancellationToken: Ct);
        var client = SignIn.Anonymous(server.BaseAddress);
        using var response = await client.PostAsJsonAsync(new Uri("api/auth/sign-in", UriKind.Relative), new { userName = user, password }, Ct);
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("api/auth/me", UriKind.Relative), Ct);
        var token = me.GetProperty("antiforgeryToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        return token!;
    }

    private static async Task<JsonObject> SiteAsync(HttpClient client, string code)
    {
        using var response = await client.GetAsync(new Uri("api/sites/" + code, UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) as JsonObject)!;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, JsonObject site, string? token, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("api/sites/" + site["code"]!.GetValue<string>(), UriKind.Relative))
        {
            Content = new StringContent(site.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add(SignIn.AntiforgeryHeader, token);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request, Ct);
    }
}
