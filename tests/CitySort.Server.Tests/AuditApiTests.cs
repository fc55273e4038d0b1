using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CitySort.Server.Tests;

/// <summary>
/// The audit trail through the real HTTP pipeline (issue 12 item 3) on the hand-made registry of
/// <see cref="ServerFixture"/>: an edit made by a request is recorded under the request's signed-in user and remote
/// address with the site before and after; the profile put in force at start is recorded under
/// <c>system</c>; the list filters and pages, the CSV export has its header; and no route changes the trail.
/// </summary>
public sealed class AuditApiTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Client => fixture.Server.Client;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.IsSuccessStatusCode, path + " answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
    }

    [Fact]
    public async Task A_site_edited_through_the_API_is_recorded_under_the_requests_user_and_address_with_before_and_after()
    {
        using var opened = await Client.GetAsync(new Uri("api/sites/T-S1", UriKind.Relative), Cancel);
        var site = JsonNode.Parse(await opened.Content.ReadAsStringAsync(Cancel))!.AsObject();
        site["name"] = "海城实验小学";
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("api/sites/T-S1", UriKind.Relative))
        {
            Content = new StringContent(site.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var saved = await Client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var page = await GetJsonAsync("api/audit?entity=Site&key=T-S1");

        var entry = page.GetProperty("items").EnumerateArray().First();
        Assert.Equal(("modified", fixture.Server.AdminUserName, "127.0.0.1"), (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString(), entry.GetProperty("origin").GetString()));
        using var before = JsonDocument.Parse(entry.GetProperty("beforeJson").GetString()!);
        using var after = JsonDocument.Parse(entry.GetProperty("afterJson").GetString()!);
        Assert.Equal(("海城小学", "海城实验小学"), (before.RootElement.GetProperty("Name").GetString(), after.RootElement.GetProperty("Name").GetString()));
        // The version rises with the edit (registry.md): the entry shows the one it was made from and the new one.
        Assert.Equal(before.RootElement.GetProperty("Version").GetInt32() + 1, after.RootElement.GetProperty("Version").GetInt32());
    }

    [Fact]
    public async Task A_user_added_is_recorded_by_name_with_role_and_districts_and_neither_password_nor_hash()
    {
        var (user, password) = await fixture.Server.CreateUserAsync(CitySort.Security.CitySortRoles.DistrictOfficer, ["330304"], cancellationToken: Cancel);

        var page = await GetJsonAsync("api/audit?entity=User&key=" + Uri.EscapeDataString(user));

        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("user-added", entry.GetProperty("action").GetString());
        using var after = JsonDocument.Parse(entry.GetProperty("afterJson").GetString()!);
        Assert.Equal(("district-officer", "users-add"), (after.RootElement.GetProperty("role").GetString(), after.RootElement.GetProperty("via").GetString()));
        Assert.Equal(["330304"], after.RootElement.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        // The sign-in store's own rows are in the trail too (the user row, the role it was given), the hash hidden.
        var stored = await GetJsonAsync("api/audit?entity=CitySortUser&pageSize=500");
        var row = stored.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "added" && e.GetProperty("afterJson").GetString()!.Contains("\"" + user + "\"", StringComparison.Ordinal));
        Assert.Contains("\"PasswordHash\":\"(hidden)\"", row.GetProperty("afterJson").GetString(), StringComparison.Ordinal);
        var everything = await Client.GetStringAsync(new Uri("api/audit?format=csv", UriKind.Relative), Cancel);
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_put_in_force_at_start_is_recorded_under_system_and_the_imports_under_the_request()
    {
        var profile = await GetJsonAsync("api/audit?entity=RegistrySetting&key=profile.active");
        var imports = await GetJsonAsync("api/audit?entity=Street&pageSize=1");

        var active = Assert.Single(profile.GetProperty("items").EnumerateArray());
        Assert.Equal(("added", "system", "server"), (active.GetProperty("action").GetString(), active.GetProperty("actor").GetString(), active.GetProperty("origin").GetString()));
        using var after = JsonDocument.Parse(active.GetProperty("afterJson").GetString()!);
        Assert.StartsWith("wenzhou-2015@", after.RootElement.GetProperty("Value").GetString(), StringComparison.Ordinal);
        // The fixture imported four streets through POST /api/imports/divisions; one per page here.
        Assert.Equal((4, 1), (imports.GetProperty("total").GetInt32(), imports.GetProperty("items").GetArrayLength()));
        // The fixture's requests are made by its signed-in city administrator.
        Assert.Equal(fixture.Server.AdminUserName, imports.GetProperty("items")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_export_is_CSV_with_its_header_and_one_row_per_matching_entry()
    {
        var list = await GetJsonAsync("api/audit?entity=Street&pageSize=500");
        using var response = await Client.GetAsync(new Uri("api/audit?entity=Street&format=csv", UriKind.Relative), Cancel);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,origin,action,entity,key,before,after", lines[0]);
        Assert.Equal(list.GetProperty("total").GetInt32(), lines.Length - 1);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task No_route_writes_changes_or_removes_the_trail(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("api/audit", UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        using var response = await Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
