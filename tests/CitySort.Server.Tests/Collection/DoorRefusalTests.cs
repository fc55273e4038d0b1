using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// Refusals at the doors are stored rejections with their reason (issue 9, "every … unauthorised message is a
/// rejection with its reason"; docs/events.md, "Refusals at the doors"): failed MQTT logins, topics that are not the
/// layout's or not the device's, payloads naming another plate than their topic, over-size payloads (the connection
/// survives), HTTP batches without a valid key; and a revoked device is dropped from its open connection.
/// </summary>
public sealed class DoorRefusalTests(RealIntakeDoorsFixture fixture) : IClassFixture<RealIntakeDoorsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string AnHourAgo => DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    private string Fix(string id, string plate) =>
        $$$"""{"eventId":"{{{id}}}","deviceTime":"{{{AnHourAgo}}}","vehiclePlate":"{{{plate}}}","point":{"longitude":120.65,"latitude":28.01,"datum":"wgs84"}}""";

    /// <summary>The stored rejections of <paramref name="deviceId"/>, after every refusal recorded so far is written.</summary>
    private async Task<IReadOnlyList<RejectionRecord>> RejectionsAsync(string deviceId)
    {
        await fixture.Server.Services.GetRequiredService<DoorRefusalRecorder>().FlushAsync(Ct);
        return await fixture.Server.Services.GetRequiredService<CollectionEventStore>().ReadRejectionsAsync(new RejectionQuery(DeviceId: deviceId), Ct);
    }

    [Fact]
    public async Task A_login_with_a_wrong_password_is_refused_and_stored_with_its_reason_client_id_and_no_password()
    {
        var (client, connected) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "wb-a", "not-the-secret", Ct);
        using var _ = client;

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, connected);
        var stored = (await RejectionsAsync("wb-a")).Where(r => r.Source == "mqtt:connect").ToList();
        var refusal = Assert.Single(stored);
        Assert.Equal(ReasonCodes.WrongSecret, refusal.ReasonCode);
        Assert.Equal("密钥与此设备不符。", refusal.ReasonZh);
        Assert.StartsWith("test-", refusal.ClientId, StringComparison.Ordinal);
        Assert.Contains("\"username\":\"wb-a\"", refusal.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", refusal.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_of_a_revoked_device_is_stored_as_revoked_device()
    {
        var (client, connected) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-old", fixture.Secrets["truck-old"], Ct);
        using var _ = client;

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, connected);
        Assert.Contains(await RejectionsAsync("truck-old"), r => r.ReasonCode == ReasonCodes.RevokedDevice && r.Source == "mqtt:connect");
    }

    [Fact]
    public async Task A_publish_for_another_plate_is_stored_as_not_own_plate_with_topic_payload_and_event_id()
    {
        var (client, _) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-a", fixture.Secrets["truck-a"], Ct);
        using var _c = client;
        var id = NewId("G-");
        var topic = $"citysort/v1/vehicles/{fixture.PlateB}/gps";

        var answer = await client.PublishAsync(MqttTestClient.Message(topic, Fix(id, fixture.PlateB)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, answer.ReasonCode);
        var refusal = Assert.Single(await RejectionsAsync("truck-a"), r => r.EventId == id);
        Assert.Equal(ReasonCodes.NotOwnPlate, refusal.ReasonCode);
        Assert.Equal("mqtt:" + topic, refusal.Source);
        Assert.Contains(id, refusal.Payload, StringComparison.Ordinal);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task A_payload_naming_another_plate_than_its_topic_and_an_unknown_topic_are_stored_and_the_connection_stays()
    {
        var (client, _) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-b", fixture.Secrets["truck-b"], Ct);
        using var _c = client;
        var mismatch = NewId("G-");
        var unknown = NewId("G-");

        var first = await client.PublishAsync(MqttTestClient.Message($"citysort/v1/vehicles/{fixture.PlateB}/gps", Fix(mismatch, fixture.PlateA)), Ct);
        var second = await client.PublishAsync(MqttTestClient.Message($"citysort/v1/trucks/{fixture.PlateB}/gps", Fix(unknown, fixture.PlateB)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, first.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.TopicNameInvalid, second.ReasonCode);
        var stored = await RejectionsAsync("truck-b");
        Assert.Equal(ReasonCodes.TopicMismatch, Assert.Single(stored, r => r.EventId == mismatch).ReasonCode);
        Assert.Equal(ReasonCodes.UnknownTopic, Assert.Single(stored, r => r.EventId == unknown).ReasonCode);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task An_over_size_payload_is_stored_as_too_large_and_the_next_message_on_the_same_connection_is_accepted()
    {
        var (client, _) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-a", fixture.Secrets["truck-a"], Ct);
        using var _c = client;
        var big = NewId("G-");
        var ok = NewId("G-");
        // 20,000 bytes of note: over the 16,384-byte limit of one event (IEventIntake.MaxPayloadBytes).
        var oversize = Fix(big, fixture.PlateA)[..^1] + ",\"note\":\"" + new string('x', 20_000) + "\"}";
        var topic = $"citysort/v1/vehicles/{fixture.PlateA}/gps";

        var refused = await client.PublishAsync(MqttTestClient.Message(topic, oversize), Ct);
        var accepted = await client.PublishAsync(MqttTestClient.Message(topic, Fix(ok, fixture.PlateA)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, refused.ReasonCode);
        Assert.True(accepted.IsSuccess, accepted.ReasonString);
        Assert.True(client.IsConnected);
        Assert.Contains(await RejectionsAsync("truck-a"), r => r.ReasonCode == ReasonCodes.TooLarge && r.Payload.Contains(big, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, ReasonCodes.MissingCredentials)]
    [InlineData("wb-a", "wrong", ReasonCodes.WrongSecret)]
    [InlineData("no-such-device", "whatever", ReasonCodes.UnknownDevice)]
    public async Task An_HTTP_batch_without_a_valid_key_is_answered_401_and_stored_with_the_start_of_its_body(string? deviceId, string? key, string reasonCode)
    {
        var marker = NewId("H-");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative))
        {
            Content = new StringContent("{\"events\":[{\"kind\":\"gps\",\"eventId\":\"" + marker + "\"}]}", Encoding.UTF8, "application/json"),
        };
        if (deviceId is not null)
        {
            request.Headers.Add("X-Device-Id", deviceId);
            request.Headers.Add("X-Device-Key", key);
        }

        using var response = await fixture.Server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refusal = Assert.Single(await RejectionsAsync(deviceId ?? "(none)"), r => r.Payload.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(reasonCode, refusal.ReasonCode);
        Assert.Equal("http:POST /api/events", refusal.Source);
        Assert.Equal("127.0.0.1", refusal.ClientId);
    }

    [Fact]
    public async Task A_device_revoked_by_another_process_loses_its_open_MQTT_connection_and_its_next_HTTP_batch_is_refused()
    {
        var services = fixture.Server.Services;
        var added = await services.GetRequiredService<DeviceService>().AddAsync(new DeviceRegistration("truck-rv", DeviceKind.Vehicle, fixture.PlateB), Ct);
        Assert.True(added.Succeeded);
        var (client, connected) = await MqttTestClient.ConnectAsync(fixture.MqttPort, "truck-rv", added.Secret, Ct);
        using var _ = client;
        Assert.Equal(MqttClientConnectResultCode.Success, connected);

        // `citysort devices revoke` runs in another process: another DeviceService over the same database, which the
        // server's own instance knows nothing of.
        var other = new DeviceService(services.GetRequiredService<IDbContextFactory<CitySortDbContext>>(), TimeProvider.System);
        Assert.Equal(DeviceRevokeOutcome.Revoked, await other.RevokeAsync("truck-rv", Ct));

        // The server reads revocations every 200 ms here (ServerOptions.RevocationCheckInterval): wait for the drop.
        var waited = Stopwatch.StartNew();
        while (client.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, Ct);
        }

        Assert.False(client.IsConnected, "the revoked device's MQTT connection is still open");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative))
        {
            Content = new StringContent("{\"events\":[" + Fix(NewId("G-"), fixture.PlateB)[..^1] + ",\"kind\":\"gps\"}]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Device-Id", "truck-rv");
        request.Headers.Add("X-Device-Key", added.Secret);
        using var response = await fixture.Server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await RejectionsAsync("truck-rv"), r => r.ReasonCode == ReasonCodes.RevokedDevice && r.Source == "http:POST /api/events");
    }
}
