using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CitySort.Collection.Simulation;

/// <summary>
/// Publishes simulated messages over MQTT 5 with QoS 1 (MQTTnet client): a PUBACK is awaited for each, which
/// CitySort sends only after the event is committed (docs/events.md). Anonymous: the demo city's devices need no
/// credentials in demo mode.
/// </summary>
public sealed class MqttSimulationPublisher : ISimulationPublisher, IAsyncDisposable
{
    private readonly IMqttClient client;

    private MqttSimulationPublisher(IMqttClient client)
    {
        this.client = client;
    }

    /// <summary>Connects to <paramref name="broker"/>.</summary>
    /// <param name="broker">A loopback broker (<see cref="BrokerEndpoint.TryParse"/> checked it).</param>
    /// <param name="clientId">The MQTT client id.</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The connected publisher.</returns>
    /// <exception cref="MQTTnet.Exceptions.MqttCommunicationException">When the broker cannot be reached.</exception>
    public static async Task<MqttSimulationPublisher> ConnectAsync(BrokerEndpoint broker, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        try
        {
            await client.ConnectAsync(options, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new MqttSimulationPublisher(client);
    }

    /// <inheritdoc />
    public async ValueTask<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        var result = await client.PublishAsync(message, cancellationToken);
        return result.IsSuccess;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        client.Dispose();
    }
}
