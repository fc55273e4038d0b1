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
}
