using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySort.Collection;
using CitySort.Testing;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// <c>POST /api/events</c> through the real HTTP pipeline: device keys, one answer per event after the intake
/// returned, and the 401, 413 and 400 problem documents (docs/events.md, "HTTP batch").
/// </summary>
public sealed class EventEndpointTests(DoorsFixture fixture) : IClassFixture<DoorsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.Server.Client;

    private string Pickup(string id, string? plate = null, string extra = "") =>
        $$"""{"kind":"pickup","eventId":"{{id}}","deviceTime":"2015-12-01T07:42:10+08:00","vehiclePlate":"{{plate ?? fixture.PlateA}}","siteCode":"S1","category":"Kitchen","estimatedKg":85.5{{extra}}}""";

    private static HttpRequestMessage Post(string body, string? deviceId = null, string? key = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (deviceId is not null)
        {
            request.Headers.Add("X-Device-Id", deviceId);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Device-Key", key);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task A_batch_is_answered_with_one_result_per_event_in_order_for_the_authenticated_device()
    {
        var id = Guid.NewGuid().ToString("N");
        var body = $$"""{"events":[{{Pickup(id + "-1")}},{{Pickup(id + "-2")}},{{Pickup(id + "-1", extra: ",\"binId\":\"B9\"")}}]}""";

        using var response = await Client.SendAsync(Post(body, "truck-a", fixture.Secrets["truck-a"]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("index").GetInt32()));
        // Event 3 repeats event 1's id with other content: a conflict, the first kept (issue 9, "idempotent").
        Assert.Equal(["accepted", "accepted", "conflict"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("conflict", results[2].GetProperty("reasonCode").GetString());
        Assert.Equal((2, 0, 1, 0), (json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicate").GetInt32(), json.GetProperty("conflict").GetInt32(), json.GetProperty("rejected").GetInt32()));

        var submission = fixture.Intake.Submissions.Single(s => s.Events.Any(e => Encoding.UTF8.GetString(e.Utf8Json.Span).Contains(id, StringComparison.Ordinal)));
        Assert.Equal(new DeviceIdentity("truck-a", DeviceKind.Vehicle, fixture.PlateA), submission.Device);
        Assert.Equal("http:POST /api/events[1]", submission.Events[1].Source);
        Assert.Null(submission.Events[1].Kind);
        Assert.Equal(Pickup(id + "-2"), Encoding.UTF8.GetString(submission.Events[1].Utf8Json.Span));
    }

    [Fact]
    public async Task A_bearer_token_of_id_colon_key_authenticates_like_the_two_headers()
    {
        var request = Post($$"""{"events":[{{Pickup(Guid.NewGuid().ToString("N"))}}]}""");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "truck-a:" + fixture.Secrets["truck-a"]);

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("truck-a", (await JsonAsync(response)).GetProperty("deviceId").GetString());
    }

    [Fact]
    public async Task A_repeated_batch_is_answered_duplicate_for_every_event()
    {
        var body = $$"""{"events":[{{Pickup(Guid.NewGuid().ToString("N"))}}]}""";
        using (var first = await Client.SendAsync(Post(body, "truck-a", fixture.Secrets["truck-a"]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await Client.SendAsync(Post(body, "truck-a", fixture.Secrets["truck-a"]), Ct);

        Assert.Equal("duplicate", (await JsonAsync(second)).GetProperty("results")[0].GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("truck-a", "not-the-key", "wrong-secret")]
    [InlineData("nobody", "whatever", "unknown-device")]
    [InlineData("truck-old", null, "revoked-device")]
    [InlineData(null, null, "missing-credentials")]
    public async Task A_device_that_is_unknown_revoked_wrong_or_absent_is_refused_401_in_Chinese_by_default(string? id, string? key, string code)
    {
        var marker = Guid.NewGuid().ToString("N");
        key ??= id is null ? null : fixture.Secrets[id];

        using var response = await Client.SendAsync(Post($$"""{"events":[{{Pickup(marker)}}]}""", id, key), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("reasonCode").GetString());
        Assert.Equal("设备未通过认证", problem.GetProperty("title").GetString());
        Assert.DoesNotContain(fixture.Intake.Events, e => Encoding.UTF8.GetString(e.Event.Utf8Json.Span).Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_401_is_in_English_when_the_request_prefers_English()
    {
        using var response = await Client.SendAsync(Post("""{"events":[]}""", "truck-a", "wrong", "en-GB,zh;q=0.5"), Ct);

        var problem = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The device is not authenticated", problem.GetProperty("title").GetString());
        Assert.Equal("The key is not this device's key.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_4_MiB_is_refused_413()
    {
        // 4 MiB = 4,194,304 bytes; the padding alone is one byte more.
        var body = """{"events":[{"pad":" """ + new string('x', 4 * 1024 * 1024 + 1) + "\"}]}";

        using var response = await Client.SendAsync(Post(body, "truck-a", fixture.Secrets["truck-a"]), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body-too-large", (await JsonAsync(response)).GetProperty("reasonCode").GetString());
    }

    [Theory]
    [InlineData("""{"events":[{"kind":"pickup"}, 7]}""", "$.events[1]")]
    [InlineData("""{"evnts":[]}""", "$.events")]
    [InlineData("""[{"kind":"pickup"}]""", "$")]
    [InlineData("""{"events":[]}""", "$.events")]
    [InlineData("""{"events":[{"kind":"pickup",}]}""", "$")]
    public async Task A_body_that_is_not_the_envelope_is_refused_400_naming_the_JSON_path(string body, string path)
    {
        using var response = await Client.SendAsync(Post(body, "truck-a", fixture.Secrets["truck-a"], "en"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("not-an-event-batch", problem.GetProperty("reasonCode").GetString());
        Assert.StartsWith(path, problem.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_events_is_refused_400()
    {
        var events = string.Join(",", Enumerable.Range(0, IEventIntake.MaxBatchSize + 1).Select(i => "{\"eventId\":\"" + i + "\"}"));

        using var response = await Client.SendAsync(Post("{\"events\":[" + events + "]}", "truck-a", fixture.Secrets["truck-a"], "en"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1001", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_batch_is_taken_in_as_the_demo_device_only_in_demo_mode()
    {
        var intake = new RecordingIntake();
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = false, AcceptAnonymousDevices = true, EventIntake = intake }, Ct);

        using var response = await server.Client.SendAsync(Post("""{"events":[{"kind":"gps","eventId":"g1"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DeviceKind.Demo, Assert.Single(intake.Submissions).Device.Kind);
    }
}
