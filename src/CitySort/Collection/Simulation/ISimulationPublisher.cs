namespace CitySort.Collection.Simulation;

/// <summary>Where a simulated day's messages go (<see cref="MqttSimulationPublisher"/>; tests use a list).</summary>
public interface ISimulationPublisher
{
    /// <summary>Publishes one message and waits for its acknowledgement.</summary>
    /// <param name="topic">The MQTT topic.</param>
    /// <param name="payload">The UTF-8 payload.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>True when the broker acknowledged it as accepted (QoS 1 PUBACK with a success code).</returns>
    ValueTask<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Opens one more connection with the credentials given, and closes it again.</summary>
    /// <param name="username">The MQTT username (a device id).</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>True when the broker accepted the login.</returns>
    ValueTask<bool> LoginAsync(string username, string password, CancellationToken cancellationToken);
}
