using CitySort.Registry;

namespace CitySort.Collection.Simulation;

/// <summary>
/// One MQTT message of a simulated day: its topic, its UTF-8 JSON payload (one event object, docs/events.md) and the
/// simulated instant it is published at, with what it says for tests and progress.
/// </summary>
/// <param name="PublishAt">When, on the simulated clock, it is published (its device time, later for a late fix or a repeat).</param>
/// <param name="Topic">The MQTT topic, e.g. <c>citysort/v1/vehicles/浙CA1234/gps</c>.</param>
/// <param name="Payload">The payload as published.</param>
/// <param name="Kind">What the payload is.</param>
/// <param name="EventId">The event id in the payload (the ticket id for a ticket); null only for a malformed payload that has none.</param>
/// <param name="VehiclePlate">The vehicle the payload names.</param>
/// <param name="SiteCode">The site of a pickup, else null.</param>
/// <param name="FacilityCode">The facility of a ticket, else null.</param>
/// <param name="Category">The category collected or declared (pickups and tickets), else null.</param>
/// <param name="Kg">The estimated kg of a pickup or the net kg of a ticket, else null.</param>
/// <param name="Fault">The injected fault this message is, or null for a regular message.</param>
public sealed record SimulatedMessage(
    DateTimeOffset PublishAt,
    string Topic,
    string Payload,
    SimulatedMessageKind Kind,
    string? EventId,
    string VehiclePlate,
    string? SiteCode,
    string? FacilityCode,
    WasteCategory? Category,
    decimal? Kg,
    SimulationFault? Fault)
{
    /// <summary>The username of a <see cref="SimulatedMessageKind.Login"/>, else null.</summary>
    public string? LoginUsername { get; init; }

    /// <summary>The password of a <see cref="SimulatedMessageKind.Login"/>, else null.</summary>
    public string? LoginPassword { get; init; }
}
