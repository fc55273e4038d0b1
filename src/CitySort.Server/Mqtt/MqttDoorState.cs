namespace CitySort.Server.Mqtt;

/// <summary>What the MQTT door is doing, for the readiness endpoint (<c>/health/ready</c>).</summary>
public enum MqttDoorState
{
    /// <summary>Not started yet (the host is starting).</summary>
    Starting,

    /// <summary>Off: <c>--no-mqtt</c>, or no event intake is registered.</summary>
    Off,

    /// <summary>The in-process broker accepts connections.</summary>
    Listening,

    /// <summary>The consumer of the external broker (<c>--mqtt-broker</c>) is connected.</summary>
    Connected,

    /// <summary>The consumer of the external broker is not connected and keeps retrying.</summary>
    Disconnected,
}
