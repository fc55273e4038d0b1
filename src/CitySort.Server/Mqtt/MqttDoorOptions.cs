namespace CitySort.Server.Mqtt;

/// <summary>
/// How the server takes in MQTT events (docs/events.md, "MQTT"): an in-process broker that devices connect to
/// directly (the default, on <see cref="BindAddress"/>:<see cref="Port"/>), or a consumer of an external broker
/// (<see cref="BrokerUrl"/>), or none (<see cref="Enabled"/> false).
/// </summary>
public sealed record MqttDoorOptions
{
    /// <summary>The standard MQTT port, the in-process broker's default.</summary>
    public const int DefaultPort = 1883;

    /// <summary>The shared-subscription group of the CitySort servers on an external broker (MQTT 5, section 4.8.2).</summary>
    public const string ShareGroup = "citysort";

    /// <summary>False for <c>serve --no-mqtt</c>: no broker and no consumer.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The in-process broker's TCP port (<c>serve --mqtt-port N</c>); 0 asks the system for a free port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The address the in-process broker listens on: 127.0.0.1 unless given.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// An external broker to consume from instead of running one (<c>serve --mqtt-broker mqtt://HOST:PORT</c>), or
    /// null for the in-process broker.
    /// </summary>
    public Uri? BrokerUrl { get; init; }

    /// <summary>The username CitySort connects to the external broker with (<c>--mqtt-username</c>), or null.</summary>
    public string? Username { get; init; }

    /// <summary>The password CitySort connects to the external broker with (<c>--mqtt-password</c>), or null.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// The MQTT client id of this server's consumer on the external broker; null for <c>citysort-</c> and a random
    /// suffix. Give each server its own stable id so that the broker keeps its session (and its unacknowledged
    /// messages) across restarts.
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// How long the batcher waits for more messages to join a batch after the first, in milliseconds. The default 0
    /// waits for nothing: a batch takes every message queued while the previous one was being committed.
    /// </summary>
    public int BatchLingerMilliseconds { get; init; }
}
