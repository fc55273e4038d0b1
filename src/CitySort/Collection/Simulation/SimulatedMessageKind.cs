namespace CitySort.Collection.Simulation;

/// <summary>What a simulated message carries (docs/events.md, MQTT topics).</summary>
public enum SimulatedMessageKind
{
    /// <summary>A pickup on <c>citysort/v1/vehicles/{plate}/pickups</c>.</summary>
    Pickup = 1,

    /// <summary>A GPS fix on <c>citysort/v1/vehicles/{plate}/gps</c>.</summary>
    GpsFix = 2,

    /// <summary>A weigh ticket on <c>citysort/v1/facilities/{code}/tickets</c>.</summary>
    WeighTicket = 3,

    /// <summary>An MQTT login (CONNECT) with <see cref="SimulatedMessage.LoginUsername"/> and <see cref="SimulatedMessage.LoginPassword"/>; no topic, no payload.</summary>
    Login = 4,
}
