using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Security;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// Changing an account (issue 12, item 3): <c>GET /api/users</c> and <c>PUT /api/users/{name}</c> by a city
/// administrator, each change audited with before and after, and in force at once for the sign-ins made before it.
/// </summary>
public sealed class UserAdminApiTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_district_officer_signed_in_before_a_change_of_district_loses_the_old_district_at_the_next_request()
    {
        // Ouhai (330304) has the test site T-P1, Lucheng (330302) T-R1 (Data/test_sites.csv).
        var server = fixture.Server;
        var (name, password) = await server.CreateUserAsync(CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Ct);
        using var before = await SignIn.ClientAsync(server.BaseAddress, name, password, Ct);
        using (var own = await before.GetAsync(new Uri("api/sites/T-P1", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using var change = await server.Client.PutAsJsonAsync(new Uri("api/users/" + Uri.EscapeDataString(name), UriKind.Relative), new { districts = new[] { "330302" } }, Ct);
        var changed = await change.Content.ReadAsStringAsync(Ct);
        Assert.True(change.StatusCode == HttpStatusCode.OK, (int)change.StatusCode + ": " + changed);
        Assert.Contains("\"districtCodes\":[\"330302\"]", changed, StringComparison.Ordinal);

        // The next request of the earlier sign-in: the cookie's security stamp is no longer the account's.
        using var old = await before.GetAsync(new Uri("api/sites/T-P1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        // Signed in again, the account has the new district and not the old one.
        using var after = await SignIn.ClientAsync(server.BaseAddress, name, password, Ct);
        using var ouhai = await after.GetAsync(new Uri("api/sites/T-P1", UriKind.Relative), Ct);
        using var lucheng = await after.GetAsync(new Uri("api/sites/T-R1", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (ouhai.StatusCode, lucheng.StatusCode));

        // One user-changed entry by the administrator, with the districts before and after.
        var audit = await server.Client.GetFromJsonAsync<JsonElement>(new Uri("api/audit?entity=User&key=" + Uri.EscapeDataString(name), UriKind.Relative), Ct);
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "user-changed");
        Assert.Equal(server.AdminUserName, entry.GetProperty("actor").GetString());
        Assert.Contains("\"districts\":[\"330304\"]", entry.GetProperty("beforeJson").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"districts\":[\"330302\"]", entry.GetProperty("afterJson").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_refused_until_enabled_and_the_list_shows_it()
    {
        var server = fixture.Server;
        var (name, password) = await server.CreateUserAsync(CitySortRoles.Inspector, cancellationToken: Ct);
        using var before = await SignIn.ClientAsync(server.BaseAddress, name, password, Ct);
        var path = new Uri("api/users/" + Uri.EscapeDataString(name), UriKind.Relative);

        using var disable = await server.Client.PutAsJsonAsync(path, new { enabled = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        using var old = await before.GetAsync(new Uri("api/profile", UriKind.Relative), Ct);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SignIn.ClientAsync(server.BaseAddress, name, password, Ct));
        var listed = await server.Client.GetFromJsonAsync<JsonElement>(new Uri("api/users", UriKind.Relative), Ct);
        var row = Assert.Single(listed.EnumerateArray(), u => u.GetProperty("userName").GetString() == name);
        using var enable = await server.Client.PutAsJsonAsync(path, new { enabled = true }, Ct);
        using var again = await SignIn.ClientAsync(server.BaseAddress, name, password, Ct);
        using var profile = await again.GetAsync(new Uri("api/profile", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Contains("LockedOut", refused.Message, StringComparison.Ordinal);
        Assert.True(row.GetProperty("disabled").GetBoolean());
        Assert.Equal("inspector", row.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task A_change_naming_an_unknown_account_district_or_role_or_removing_the_last_administrator_is_refused_with_the_reason()
    {
        var server = fixture.Server;
        var (name, _) = await server.CreateUserAsync(CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Ct);
        var path = new Uri("api/users/" + Uri.EscapeDataString(name), UriKind.Relative);

        using var unknownUser = await server.Client.PutAsJsonAsync(new Uri("api/users/nobody-here", UriKind.Relative), new { role = "officer" }, Ct);
        using var unknownDistrict = await server.Client.PutAsJsonAsync(path, new { districts = new[] { "330399" } }, Ct);
        using var unknownRole = await server.Client.PutAsJsonAsync(path, new { role = "mayor" }, Ct);
        using var haulerWithout = await server.Client.PutAsJsonAsync(path, new { role = "hauler" }, Ct);
        // The fixture's administrator is the only one in this class's server.
        using var lastAdmin = await server.Client.PutAsJsonAsync(new Uri("api/users/" + Uri.EscapeDataString(server.AdminUserName), UriKind.Relative), new { role = "officer" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Contains("没有这个用户名的账户", await unknownUser.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownDistrict.StatusCode);
        Assert.Contains("330399", await unknownDistrict.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Contains("没有这个角色", await unknownRole.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, haulerWithout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lastAdmin.StatusCode);
        Assert.Contains("最后一个", await lastAdmin.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Nothing was changed: the officer keeps Ouhai, the administrator its role.
        var listed = await server.Client.GetFromJsonAsync<JsonElement>(new Uri("api/users", UriKind.Relative), Ct);
        Assert.Equal(["330304"], listed.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == name).GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(CitySortRoles.CityAdministrator, listed.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == server.AdminUserName).GetProperty("role").GetString());
    }
}
