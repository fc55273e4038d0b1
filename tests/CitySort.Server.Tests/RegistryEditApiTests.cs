using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CitySort.Server.Tests;

/// <summary>
/// Editing the registry through the HTTP API (issue 10, registry upkeep; docs/registry.md): changes with their version,
/// 409 for a stale one, 400 with the JSON path of the refused field in the request's language, and retired records
/// kept with their history but listed only with <c>includeRetired=true</c>. Each test works on records of its own,
/// as the class shares one server. Run once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class RegistryEditApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ServerFixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Client => fixture.Server.Client;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_site_changed_with_its_version_is_saved_and_a_change_from_the_old_version_answers_409_in_english()
    {
        var opened = await GetNodeAsync("api/sites/T-R1");
        var version = opened["version"]!.GetValue<int>();
        opened["name"] = "五马新村";

        using var saved = await SendAsync(HttpMethod.Put, "api/sites/T-R1", opened);
        opened["name"] = "五马旧村";
        using var stale = await SendAsync(HttpMethod.Put, "api/sites/T-R1", opened, "en");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(version + 1, (await saved.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("$.version: the site T-R1 was changed by someone else since you opened it", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("$.version", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal("五马新村", (await GetNodeAsync("api/sites/T-R1"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_site_moved_to_Paris_answers_400_with_the_json_path_in_chinese_by_default()
    {
        var opened = await GetNodeAsync("api/sites/T-R2");
        opened["longitude"] = 2.35;
        opened["latitude"] = 48.85;

        using var response = await SendAsync(HttpMethod.Put, "api/sites/T-R2", opened);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("$.longitude", error.GetProperty("path").GetString());
        // The fixture's registry has district boundaries, so the city is their extent; Paris (2.35 E, 48.85 N) is outside it.
        Assert.Contains("不在本市范围内", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(120.7101, (await GetNodeAsync("api/sites/T-R2"))["longitude"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_retired_site_leaves_the_list_keeps_its_page_and_is_listed_with_includeRetired()
    {
        var opened = await GetNodeAsync("api/sites/T-P1");

        using var retired = await SendAsync(HttpMethod.Post, "api/sites/T-P1/retire", new JsonObject { ["version"] = opened["version"]!.GetValue<int>() });
        var active = await GetJsonAsync("api/sites?pageSize=500");
        var all = await GetJsonAsync("api/sites?pageSize=500&includeRetired=true");
        var page = await GetNodeAsync("api/sites/T-P1");

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain("T-P1", Codes(active));
        Assert.Contains("T-P1", Codes(all));
        Assert.NotNull(page["retiredAt"]?.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_vehicle_added_then_retired_is_listed_only_with_includeRetired()
    {
        using (var haulers = await ServerFixture.PostFileAsync(Client, "haulers", "haulers.csv", Encoding.UTF8.GetBytes("code,name\nH-LC,鹿城区环卫处\n")))
        {
            Assert.Equal(HttpStatusCode.OK, haulers.StatusCode);
        }

        var vehicle = new JsonObject
        {
            ["plate"] = "浙C-30002",
            ["districtCode"] = "330302",
            ["haulerCode"] = "H-LC",
            ["dedicatedCategory"] = "Recyclable",
            ["capacityKg"] = 3000,
            ["capacityCubicMetres"] = 6,
        };

        using var created = await SendAsync(HttpMethod.Post, "api/vehicles", vehicle);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        using var retired = await SendAsync(HttpMethod.Post, "api/vehicles/" + Uri.EscapeDataString("浙C30002") + "/retire", new JsonObject { ["version"] = body.GetProperty("version").GetInt32() });
        var active = await GetJsonAsync("api/vehicles");
        var all = await GetJsonAsync("api/vehicles?includeRetired=true");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/vehicles/" + Uri.EscapeDataString("浙C30002"), created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain(active.EnumerateArray(), v => v.GetProperty("plate").GetString() == "浙C30002");
        var listed = Assert.Single(all.EnumerateArray(), v => v.GetProperty("plate").GetString() == "浙C30002");
        Assert.Equal(JsonValueKind.String, listed.GetProperty("retiredAt").ValueKind);
    }

    [Fact]
    public async Task Adding_a_site_with_a_taken_code_answers_409_and_an_unknown_district_400()
    {
        var taken = new JsonObject { ["code"] = "T-S1", ["name"] = "重复", ["type"] = "PublicPlace", ["districtCode"] = "330302", ["longitude"] = 120.65, ["latitude"] = 28.0 };
        var unknown = new JsonObject { ["code"] = "T-NEW", ["name"] = "新点位", ["type"] = "PublicPlace", ["districtCode"] = "330399", ["longitude"] = 120.65, ["latitude"] = 28.0 };

        using var conflict = await SendAsync(HttpMethod.Post, "api/sites", taken, "en");
        using var invalid = await SendAsync(HttpMethod.Post, "api/sites", unknown, "en");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var error = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("errors")[0];
        Assert.Equal(("$.districtCode", "district 330399 is not in the registry: import the divisions first"), (error.GetProperty("path").GetString(), error.GetProperty("detail").GetString()));
    }

    private static string[] Codes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.IsSuccessStatusCode, path + " answered " + (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
    }

    private async Task<JsonObject> GetNodeAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.IsSuccessStatusCode, path + " answered " + (int)response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel)) as JsonObject)!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode body, string? language = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await Client.SendAsync(request, Cancel);
    }
}

/// <summary>The registry edits through the API on SQLite.</summary>
public sealed class SqliteRegistryEditApiTests(SqliteServerFixture fixture) : RegistryEditApiTests<SqliteServerFixture>(fixture);

/// <summary>The registry edits through the API on PostgreSQL.</summary>
public sealed class PostgreSqlRegistryEditApiTests(PostgreSqlServerFixture fixture) : RegistryEditApiTests<PostgreSqlServerFixture>(fixture);
