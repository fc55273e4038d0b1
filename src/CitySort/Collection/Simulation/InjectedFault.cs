namespace CitySort.Collection.Simulation;

/// <summary>
/// One injected fault as the simulator's manifest lists it (<c>simulate --faults-out FILE</c>, docs/simulator.md):
/// what was sent and what CitySort must make of it.
/// </summary>
/// <param name="Kind">The fault (<see cref="SimulationFault"/> name: <c>Mixing</c>, <c>Duplicate</c>, …).</param>
/// <param name="PublishedAt">When it was published on the simulated clock.</param>
/// <param name="DeviceId">The device the server sees: <c>demo</c> (anonymous, demo mode), or the login's username.</param>
/// <param name="Topic">The MQTT topic, or null for a login.</param>
/// <param name="EventIds">The event ids it carries (none for a login or a payload cut before its id).</param>
/// <param name="Expected">What must follow: <c>violation</c> (a violation naming the events), <c>rejection</c> (a stored
/// rejection with <paramref name="ExpectedReasonCode"/>), <c>stored-once</c> (the event stored and counted once),
/// <c>stored</c> (stored like any other).</param>
/// <param name="ExpectedReasonCode">The rejection's reason code (<see cref="ReasonCodes"/>), or null.</param>
/// <param name="ExpectedViolationKind">The violation kind (<c>MixedDedicatedVehicle</c>), or null.</param>
/// <param name="Payload">The payload as published (null for a login).</param>
public sealed record InjectedFault(
    string Kind,
    DateTimeOffset PublishedAt,
    string DeviceId,
    string? Topic,
    IReadOnlyList<string> EventIds,
    string Expected,
    string? ExpectedReasonCode,
    string? ExpectedViolationKind,
    string? Payload);
