using System.Text;
using System.Text.Json;
using CitySort.Server.Mqtt;
using CitySort.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// Two CitySort servers consuming one external Mosquitto broker through the shared subscription
/// <c>$share/citysort/citysort/v1/#</c> (docs/events.md, "External broker"): every message is handled by exactly one
/// of them.
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
}
