using System.Text;
using CitySort.Collection;
using CitySort.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// The in-process MQTT broker with a real MQTTnet client (docs/events.md, "MQTT"): device authentication, the PUBACK
/// after the intake returned, redelivery applied once, topics of other plates refused, oversized payloads refused
/// with the connection kept.
/// </summary>
public sealed class MqttDoorTests(DoorsFixture fixture) : IClassFixture<DoorsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PickupTopic(string plate) => $"citysort/v1/vehicles/{plate}/pickups";

    private string Pickup(string id, string? plate = null) =>
        $$"""{"eventId":"{{id}}","deviceTime":"2015-12-01T07:42:10+08:00","vehiclePlate":"{{plate ?? fixture.PlateA}}","siteCode":"S1","category":"Kitchen","estimatedKg":85.5}""";

    private async Task<IMqttClient> ConnectAsync(string device)
    {
        var (client, result) = await MqttTestClient.ConnectAsync(fixture.MqttPort, device, fixture.Secrets[device], Ct);
        Assert.Equal(MqttClientConnectResultCode.Success, result);
        return client;
    }

    private IEnumerable<(DeviceIdentity Device, IncomingEvent Event)> EventsWith(string marker) =>
        fixture.Intake.Events.Where(e => Encoding.UTF8.GetString(e.Event.Utf8Json.Span).Contains(marker, StringComparison.Ordinal));

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, "timed out waiting for " + what);
            await Task.Delay(20, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_event_published_QoS_1_reaches_the_intake_and_its_PUBACK_comes_only_after_the_intake_returned()
    {
        using var client = await ConnectAsync("truck-a");
        var marker = Guid.NewGuid().ToString("N");
        fixture.Intake.Hold();
        Task<MqttClientPublishResult> publish;
        Task<int> returnedAtPuback;
        try
        {
            publish = client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker)), Ct);
            // How many intake calls had returned at the moment the PUBACK completed the publish.
            returnedAtPuback = publish.ContinueWith(_ => fixture.Intake.Returned, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await WaitForAsync(() => EventsWith(marker).Any(), "the event to reach the intake");

            // The intake has the event but has not returned: no PUBACK can have come.
            Assert.False(publish.IsCompleted);
        }
        finally
        {
            fixture.Intake.Release();
        }

        var result = await publish;

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.True(await returnedAtPuback >= 1);
        var (device, incoming) = Assert.Single(EventsWith(marker));
        Assert.Equal(new DeviceIdentity("truck-a", DeviceKind.Vehicle, fixture.PlateA), device);
        Assert.Equal(EventKind.Pickup, incoming.Kind);
        Assert.Equal("mqtt:" + PickupTopic(fixture.PlateA), incoming.Source);
    }

    [Fact]
    public async Task Several_QoS_1_messages_in_flight_on_one_connection_all_reach_the_intake_and_each_PUBACK_waits_for_the_intake_with_its_outcome()
    {
        using var client = await ConnectAsync("truck-a");
        var marker = Guid.NewGuid().ToString("N");
        var stored = fixture.Intake.StoredCount;
        fixture.Intake.Hold();
        Task<MqttClientPublishResult>[] publishes;
        try
        {
            // Three messages without waiting for a PUBACK (an MQTT 5 receive maximum above 1): two pickups and one
            // without an event id, which the intake rejects as malformed.
            publishes =
            [
                client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker + "-1")), Ct),
                client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker + "-2")), Ct),
                client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), $$"""{"note":"{{marker}}"}"""), Ct),
            ];

            // The broker read all three while the intake held the first: the connection is not blocked by the commit,
            // and none of the PUBACKs has come before the intake returned.
            await WaitForAsync(() => EventsWith(marker).Count() == 3, "all three messages to reach the intake");
            Assert.All(publishes, p => Assert.False(p.IsCompleted));
        }
        finally
        {
            fixture.Intake.Release();
        }

        var results = await Task.WhenAll(publishes);

        Assert.Equal(
            [MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.PayloadFormatInvalid],
            results.Select(r => r.ReasonCode));
        Assert.StartsWith("malformed: ", results[2].ReasonString, StringComparison.Ordinal);
        Assert.Equal(stored + 2, fixture.Intake.StoredCount);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_with_DUP_is_acknowledged_twice_and_stored_once()
    {
        using var client = await ConnectAsync("truck-a");
        var marker = Guid.NewGuid().ToString("N");
        var stored = fixture.Intake.StoredCount;

        var first = await client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker)), Ct);
        var again = await client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker), dup: true), Ct);

        Assert.Equal((MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.Success), (first.ReasonCode, again.ReasonCode));
        Assert.Equal(2, EventsWith(marker).Count());
        Assert.Equal(stored + 1, fixture.Intake.StoredCount);
    }

    [Fact]
    public async Task A_device_publishing_under_another_plate_is_refused_not_authorized_and_nothing_reaches_the_intake()
    {
        using var client = await ConnectAsync("truck-a");
        var marker = Guid.NewGuid().ToString("N");

        var result = await client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateB), Pickup(marker, fixture.PlateB)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.StartsWith("not-own-plate", result.ReasonString, StringComparison.Ordinal);
        Assert.Empty(EventsWith(marker));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task A_payload_naming_another_plate_than_its_topic_is_refused()
    {
        using var client = await ConnectAsync("truck-a");
        var marker = Guid.NewGuid().ToString("N");

        var result = await client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker, fixture.PlateB)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.StartsWith("topic-mismatch", result.ReasonString, StringComparison.Ordinal);
        Assert.Empty(EventsWith(marker));
    }

    [Fact]
    public async Task An_oversized_payload_is_refused_with_its_reason_and_the_connection_survives_for_the_next_event()
    {
        using var client = await ConnectAsync("truck-a");
        var marker = Guid.NewGuid().ToString("N");
        // 16 KiB = 16,384 bytes is the most one event may have; this one is longer by the padding.
        var oversized = Pickup(marker)[..^1] + ",\"note\":\"" + new string('x', IEventIntake.MaxPayloadBytes) + "\"}";

        var refused = await client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), oversized), Ct);
        var next = await client.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker + "-next")), Ct);

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, refused.ReasonCode);
        Assert.StartsWith("too-large", refused.ReasonString, StringComparison.Ordinal);
        Assert.Equal(MqttClientPublishReasonCode.Success, next.ReasonCode);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task A_topic_outside_the_layout_is_refused_as_an_invalid_topic_name()
    {
        using var client = await ConnectAsync("truck-a");

        var result = await client.PublishAsync(MqttTestClient.Message($"citysort/v1/vehicles/{fixture.PlateA}/teleports", "{}"), Ct);

        Assert.Equal(MqttClientPublishReasonCode.TopicNameInvalid, result.ReasonCode);
    }

    [Theory]
    [InlineData("truck-a", "wrong-secret")]
    [InlineData("truck-old", null)]
    [InlineData("nobody", "x")]
    public async Task A_connection_with_a_wrong_secret_a_revoked_or_an_unknown_device_is_refused(string device, string? secret)
    {
        var (client, result) = await MqttTestClient.ConnectAsync(fixture.MqttPort, device, secret ?? fixture.Secrets[device], Ct);
        using var _ = client;

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task A_device_resuming_another_devices_persistent_session_cannot_publish_as_that_device()
    {
        // truck-a (plate A) leaves a persistent session under a client id; truck-b (plate B) connects with the same
        // client id and asks to resume it: it must not speak for plate A.
        var clientId = "shared-" + Guid.NewGuid().ToString("N")[..10];
        var factory = new MqttClientFactory();
        MqttClientOptions Options(string device) => new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", fixture.MqttPort)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .WithCredentials(device, fixture.Secrets[device])
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        using (var first = factory.CreateMqttClient())
        {
            Assert.Equal(MqttClientConnectResultCode.Success, (await first.ConnectAsync(Options("truck-a"), Ct)).ResultCode);
            await first.DisconnectAsync(new MqttClientDisconnectOptions(), Ct);
        }

        var marker = Guid.NewGuid().ToString("N");
        using var second = factory.CreateMqttClient();
        // The resumed session carries the identity of the connection that resumed it: truck-b's, not truck-a's.
        Assert.Equal(MqttClientConnectResultCode.Success, (await second.ConnectAsync(Options("truck-b"), Ct)).ResultCode);
        var result = await second.PublishAsync(MqttTestClient.Message(PickupTopic(fixture.PlateA), Pickup(marker, fixture.PlateA)), Ct);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.StartsWith("not-own-plate", result.ReasonString, StringComparison.Ordinal);
        Assert.Empty(EventsWith(marker));
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused_outside_demo_mode()
    {
        var (client, result) = await MqttTestClient.ConnectAsync(fixture.MqttPort, null, null, Ct);
        using var _ = client;

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result);
    }
}
