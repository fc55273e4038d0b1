using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CitySort.Server.Tests.Collection;

/// <summary>A real MQTTnet 5 client for the tests: connects, publishes QoS 1 and waits for the PUBACK.</summary>
public static class MqttTestClient
{
    /// <summary>Connects an MQTT 5 client to 127.0.0.1:<paramref name="port"/> as <paramref name="username"/>.</summary>
    /// <returns>The connected client and the broker's answer.</returns>
    public static async Task<(IMqttClient Client, MqttClientConnectResultCode Result)> ConnectAsync(int port, string? username, string? password, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("test-" + Guid.NewGuid().ToString("N")[..10])
            .WithTimeout(TimeSpan.FromSeconds(30));
        if (username is not null)
        {
            builder = builder.WithCredentials(username, password);
        }

        var result = await client.ConnectAsync(builder.Build(), cancellationToken);
        return (client, result.ResultCode);
    }

    /// <summary>A QoS 1 message on <paramref name="topic"/> with <paramref name="payload"/>.</summary>
    public static MqttApplicationMessage Message(string topic, string payload, bool dup = false)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        message.Dup = dup;
        return message;
    }
}
