using System.Globalization;
using System.Text;
using System.Text.Json;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Server.Mqtt;
using CitySort.Storage;
using CitySort.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// Two CitySort servers consuming one external Mosquitto broker through the shared subscription
/// <c>$share/citysort/citysort/v1/#</c> (docs/events.md, "External broker"): every message is handled by exactly one
/// of them; and the messages refused at that door (a topic outside the layout, a topic no registered device speaks
/// for, a payload naming another plate than its topic) are stored rejections with their reasons, like the in-process
/// broker's (issue 9: "every … unauthorised message is a rejection with its reason").
/// </summary>
public sealed class ExternalBrokerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RunningServer> StartConsumerAsync(TestDatabase database, RecordingIntake intake, MosquittoBroker broker, string clientId)
    {
        var server = await RunningServer.StartAsync(new ServerOptions
        {
            Storage = database.Storage,
            SeedDemo = false,
            AcceptAnonymousDevices = true,
            EventIntake = intake,
            Mqtt = new MqttDoorOptions { BrokerUrl = broker.Url, ClientId = clientId },
        }, Ct);
        await server.Services.GetRequiredService<MqttDoor>().Consumer!.Connected.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        return server;
    }

    private static IEnumerable<string> EventIds(RecordingIntake intake) =>
        intake.Events.Select(e => JsonDocument.Parse(e.Event.Utf8Json).RootElement.GetProperty("eventId").GetString()!);

    [Fact]
    public async Task Two_servers_sharing_one_subscription_handle_every_message_exactly_once_between_them()
    {
        await using var broker = await MosquittoBroker.StartAsync(Ct);
        await using var databaseA = TestDatabase.Sqlite();
        await using var databaseB = TestDatabase.Sqlite();
        var intakeA = new RecordingIntake();
        var intakeB = new RecordingIntake();
        await using var serverA = await StartConsumerAsync(databaseA, intakeA, broker, "citysort-a");
        await using var serverB = await StartConsumerAsync(databaseB, intakeB, broker, "citysort-b");
        var publisher = new MqttClientFactory().CreateMqttClient();
        using var _ = publisher;
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build(), Ct);
        const int count = 200;
        var sent = Enumerable.Range(0, count).Select(i => "E" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        foreach (var (id, i) in sent.Select((id, i) => (id, i)))
        {
            var plate = "浙C0000" + (i % 4);
            var payload = $$"""{"eventId":"{{id}}","vehiclePlate":"{{plate}}","deviceTime":"2015-12-01T08:00:00+08:00"}""";
            var result = await publisher.PublishAsync(MqttTestClient.Message($"citysort/v1/vehicles/{plate}/gps", payload), Ct);
            Assert.True(result.IsSuccess, result.ReasonString);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        while (intakeA.Events.Count + intakeB.Events.Count < count)
        {
            Assert.False(timeout.IsCancellationRequested, $"only {intakeA.Events.Count} + {intakeB.Events.Count} of {count} messages arrived");
            await Task.Delay(20, CancellationToken.None);
        }

        var idsA = EventIds(intakeA).ToList();
        var idsB = EventIds(intakeB).ToList();
        Assert.Equal(sent, idsA.Concat(idsB).Order(StringComparer.Ordinal));
        Assert.NotEmpty(idsA);
        Assert.NotEmpty(idsB);
        Assert.All(intakeA.Events.Concat(intakeB.Events), e => Assert.True(e.Device.IsDemo));
    }

    [Fact]
    public async Task Messages_refused_at_an_external_broker_are_stored_as_rejections_with_their_reasons_and_a_valid_one_after_them_is_stored()
    {
        await using var broker = await MosquittoBroker.StartAsync(Ct);
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Storage = database.Storage,
            SeedDemo = true,
            AcceptAnonymousDevices = false,
            Mqtt = new MqttDoorOptions { BrokerUrl = broker.Url, ClientId = "citysort-refusals" },
        }, Ct);
        using (var ready = await server.Client.GetAsync(new Uri("api/vehicles", UriKind.Relative), Ct))
        {
            ready.EnsureSuccessStatusCode();
        }

        string plateA, plateB;
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<CitySortDbContext>>().CreateDbContextAsync(Ct))
        {
            var plates = await db.Vehicles.OrderBy(v => v.Plate).Select(v => v.Plate).Take(2).ToListAsync(Ct);
            (plateA, plateB) = (plates[0], plates[1]);
        }

        // Only plate A has a device; plate B has none.
        var added = await server.Services.GetRequiredService<DeviceService>().AddAsync(new DeviceRegistration("obu-ext-a", DeviceKind.Vehicle, plateA), Ct);
        Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        await server.Services.GetRequiredService<MqttDoor>().Consumer!.Connected.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var publisher = new MqttClientFactory().CreateMqttClient();
        using var _ = publisher;
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build(), Ct);
        var time = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8));
        string Fix(string id, string plate) =>
            $$$"""{"eventId":"{{{id}}}","deviceTime":"{{{time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}}}","vehiclePlate":"{{{plate}}}","point":{"longitude":120.65,"latitude":28.01,"datum":"wgs84"}}""";

        foreach (var (topic, payload) in new[]
        {
            ("citysort/v1/trucks/" + plateA + "/gps", Fix("X-topic", plateA)),
            ($"citysort/v1/vehicles/{plateB}/gps", Fix("X-nodevice", plateB)),
            ($"citysort/v1/vehicles/{plateA}/gps", Fix("X-mismatch", plateB)),
            ($"citysort/v1/vehicles/{plateA}/gps", Fix("X-valid", plateA)),
        })
        {
            var sent = await publisher.PublishAsync(MqttTestClient.Message(topic, payload), Ct);
            Assert.True(sent.IsSuccess, sent.ReasonString);
        }

        // The broker acknowledged the publisher; CitySort consumes on its own: poll until the valid fix is stored.
        var store = server.Services.GetRequiredService<CollectionEventStore>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!(await store.ReadVehicleDayAsync(plateA, EventTimes.BusinessDayOf(time), Ct)).Any(e => e.EventId == "X-valid"))
        {
            Assert.False(timeout.IsCancellationRequested, "the valid fix after the refused messages was not stored");
            await Task.Delay(50, CancellationToken.None);
        }

        await server.Services.GetRequiredService<DoorRefusalRecorder>().FlushAsync(Ct);
        var stored = await store.ReadRejectionsAsync(new RejectionQuery(), Ct);
        var topicRefusal = Assert.Single(stored, r => r.EventId == "X-topic");
        Assert.Equal(ReasonCodes.UnknownTopic, topicRefusal.ReasonCode);
        Assert.Equal("(none)", topicRefusal.DeviceId);
        Assert.Equal("mqtt:citysort/v1/trucks/" + plateA + "/gps", topicRefusal.Source);
        var noDevice = Assert.Single(stored, r => r.EventId == "X-nodevice");
        Assert.Equal(ReasonCodes.UnknownDevice, noDevice.ReasonCode);
        Assert.Equal("vehicles/" + plateB, noDevice.DeviceId);
        var mismatch = Assert.Single(stored, r => r.EventId == "X-mismatch");
        Assert.Equal(ReasonCodes.TopicMismatch, mismatch.ReasonCode);
        Assert.Equal("obu-ext-a", mismatch.DeviceId);
        Assert.Contains(plateB, mismatch.Payload, StringComparison.Ordinal);
        Assert.All([topicRefusal, noDevice, mismatch], r => Assert.False(string.IsNullOrEmpty(r.ReasonZh)));
        Assert.DoesNotContain(stored, r => r.EventId == "X-valid");
    }
}
