using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CitySort.Collection.Simulation;

/// <summary>
/// Publishes simulated messages over MQTT 5 with QoS 1 (MQTTnet client): a PUBACK is awaited for each, which
/// CitySort sends only after the event is committed (docs/events.md). Anonymous: the demo city's devices need no
/// credentials in demo mode. Like real devices, the messages go over several connections (a broker handles one
/// connection's messages one after another); each vehicle or facility always uses the same connection, so its
/// messages keep their order.
/// </summary>
public sealed class MqttSimulationPublisher : ISimulationPublisher, IAsyncDisposable
{
    /// <summary>The connections opened by <see cref="ConnectAsync"/>.</summary>
    public const int Connections = 32;

    private readonly IMqttClient[] clients;
    private readonly BrokerEndpoint broker;
    private readonly string clientId;

    private MqttSimulationPublisher(IMqttClient[] clients, BrokerEndpoint broker, string clientId)
    {
        this.clients = clients;
        this.broker = broker;
        this.clientId = clientId;
    }

    /// <summary>Connects to <paramref name="broker"/>.</summary>
    /// <param name="broker">A loopback broker (<see cref="BrokerEndpoint.TryParse"/> checked it).</param>
    /// <param name="clientId">The prefix of the connections' MQTT client ids (each gets -0, -1, …).</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The connected publisher.</returns>
    /// <exception cref="MQTTnet.Exceptions.MqttCommunicationException">When the broker cannot be reached.</exception>
    public static async Task<MqttSimulationPublisher> ConnectAsync(BrokerEndpoint broker, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var factory = new MqttClientFactory();
        var clients = new List<IMqttClient>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                var client = factory.CreateMqttClient();
                clients.Add(client);
                var options = new MqttClientOptionsBuilder()
                    .WithTcpServer(broker.Host, broker.Port)
                    .WithClientId(clientId + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithCleanStart()
                    .WithTimeout(TimeSpan.FromSeconds(30))
                    .Build();
                await client.ConnectAsync(options, cancellationToken);
            }
        }
        catch
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            throw;
        }

        return new MqttSimulationPublisher([.. clients], broker, clientId);
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
        var result = await ClientFor(topic).PublishAsync(message, cancellationToken);
        return result.IsSuccess;
    }

    /// <inheritdoc />
    public async ValueTask<bool> LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId + "-login-" + Guid.NewGuid().ToString("N")[..8])
            .WithCredentials(username, password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        try
        {
            var result = await client.ConnectAsync(options, cancellationToken);
            var accepted = result.ResultCode == MqttClientConnectResultCode.Success;
            if (accepted)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
            }

            return accepted;
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException)
        {
            // MQTTnet reports a refused CONNACK as this exception: the broker said no.
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }

            client.Dispose();
        }
    }

    /// <summary>The connection of the topic's device: by the FNV-1a hash of its fourth level (the plate or facility code).</summary>
    private IMqttClient ClientFor(string topic)
    {
        var parts = topic.Split('/');
        var key = parts.Length > 3 ? parts[3] : topic;
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return clients[hash % (uint)clients.Length];
    }
}
