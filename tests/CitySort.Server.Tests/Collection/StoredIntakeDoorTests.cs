using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySort.Collection;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// The three doors in front of the stored intake: what the doors answer is what the event store holds (a DUP
/// redelivery stored once, an HTTP retry a duplicate, a CSV file all or nothing).
/// </summary>
public sealed class StoredIntakeDoorTests(RealIntakeDoorsFixture fixture) : IClassFixture<RealIntakeDoorsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An hour ago, with its offset: within the intake's plausibility window (not in the future, not 400 days old).</summary>
    private static string AnHourAgo => DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string Pickup(string id) =>
        $$"""{"eventId":"{{id}}","deviceTime":"{{AnHourAgo}}","vehiclePlate":"{{fixture.PlateA}}","siteCode":"{{fixture.SiteA}}","category":"Other","estimatedKg":12.5}""";

    private async Task<int> StoredAsync(string deviceId, string eventId) =>
        (await fixture.Server.Services.GetRequiredService<ICollectionEventReader>().ReadByIdsAsync([new EventKey(deviceId, eventId)], Ct)).Count;

    [Fact]
    public async Task The_same_MQTT_message_delivered_twice_with_DUP_is_stored_and_counted_once()
    {
        var (client, connected) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-a", fixture.Secrets["truck-a"], Ct);
        using var _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, connected);
        var id = "P-" + Guid.NewGuid().ToString("N")[..12];
        var topic = $"citysort/v1/vehicles/{fixture.PlateA}/pickups";

        var first = await client.PublishAsync(MqttTestClient.Message(topic, Pickup(id)), Ct);
        var again = await client.PublishAsync(MqttTestClient.Message(topic, Pickup(id), dup: true), Ct);

        Assert.True(first.IsSuccess, first.ReasonString);
        Assert.True(again.IsSuccess, again.ReasonString);
        Assert.Equal(1, await StoredAsync("truck-a", id));
    }

    [Fact]
    public async Task An_MQTT_pickup_for_an_unknown_site_is_answered_with_the_intakes_reason_and_the_connection_stays()
    {
        var (client, _) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-a", fixture.Secrets["truck-a"], Ct);
        using var _c = client;
        var id = "P-" + Guid.NewGuid().ToString("N")[..12];

        var result = await client.PublishAsync(MqttTestClient.Message($"citysort/v1/vehicles/{fixture.PlateA}/pickups", Pickup(id).Replace(fixture.SiteA, "NO-SUCH-SITE", StringComparison.Ordinal)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.ImplementationSpecificError, result.ReasonCode);
        Assert.StartsWith("unknown-site", result.ReasonString, StringComparison.Ordinal);
        Assert.True(client.IsConnected);
        Assert.Equal(0, await StoredAsync("truck-a", id));
    }

    [Fact]
    public async Task An_HTTP_batch_sent_twice_is_accepted_then_answered_duplicate_and_stored_once()
    {
        var id = "P-" + Guid.NewGuid().ToString("N")[..12];
        var body = "{\"events\":[" + Pickup(id)[..^1] + ",\"kind\":\"pickup\"}]}";

        var outcomes = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Device-Id", "truck-a");
            request.Headers.Add("X-Device-Key", fixture.Secrets["truck-a"]);
            using var response = await fixture.Server.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            outcomes.Add(json.GetProperty("results")[0].GetProperty("outcome").GetString());
        }

        Assert.Equal(["accepted", "duplicate"], outcomes);
        Assert.Equal(1, await StoredAsync("truck-a", id));
    }

    [Fact]
    public async Task A_tickets_file_goes_in_whole_and_a_file_with_one_bad_row_stores_nothing_and_names_the_cell()
    {
        var ticket = "T-" + Guid.NewGuid().ToString("N")[..10];
        string File(string net) => "ticket_id,facility_code,vehicle_plate,time_in,time_out,gross_kg,tare_kg,net_kg,category\n"
            + $"{ticket}-1,{fixture.FacilityA},{fixture.PlateA},{AnHourAgo},{AnHourAgo},2500,2000,500,Other\n"
            + $"{ticket}-2,{fixture.FacilityA},{fixture.PlateA},{AnHourAgo},{AnHourAgo},2500,2000,{net},Other\n";

        // Row 3 says net 400 where gross − tare = 2500 − 2000 = 500 kg: net-mismatch at net_kg (column 8).
        using var bad = await ServerFixture.PostFileAsync(fixture.Server.Client, "tickets", "bad_tickets.csv", Encoding.UTF8.GetBytes(File("400")));
        using var good = await ServerFixture.PostFileAsync(fixture.Server.Client, "tickets", "tickets.csv", Encoding.UTF8.GetBytes(File("500")));
        using var again = await ServerFixture.PostFileAsync(fixture.Server.Client, "tickets", "tickets.csv", Encoding.UTF8.GetBytes(File("500")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = Assert.Single((await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray());
        Assert.Equal("bad_tickets.csv:3:8", problem.GetProperty("location").GetString());
        Assert.StartsWith("net-mismatch", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var report = await good.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("unchanged").GetInt32());
        Assert.Equal(1, await StoredAsync("office:tickets", ticket + "-1"));
    }
}
