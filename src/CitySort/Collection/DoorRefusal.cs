namespace CitySort.Collection;

/// <summary>
/// A message or connection that a door refused before it reached the intake (docs/events.md, "Refusals at the
/// doors"): a refused MQTT login, a topic that is not the layout's or not the device's, a payload naming another plate
/// than its topic, an HTTP batch without a valid key. Stored as a rejection with its reason by
/// <see cref="DoorRefusalRecorder"/>.
/// </summary>
/// <param name="RefusedAt">When the door refused it (UTC).</param>
/// <param name="DeviceId">The device id presented (the MQTT username, the HTTP <c>X-Device-Id</c>), the device the
/// session belongs to, or <c>(none)</c> when nothing was presented.</param>
/// <param name="ClientId">The MQTT client id, or the HTTP peer's address; null when unknown.</param>
/// <param name="Source">The door and place: <c>mqtt:connect</c>, <c>mqtt:TOPIC</c>, <c>http:POST /api/events</c>.</param>
/// <param name="EventId">The payload's <c>eventId</c> or <c>ticketId</c> when it has a readable one.</param>
/// <param name="Kind">The event kind the topic names, when it names one.</param>
/// <param name="Problem">The reason code (<see cref="ReasonCodes"/>) and the reason in English and Chinese.</param>
/// <param name="Payload">The raw payload (for a login, a JSON description of the CONNECT without its password).</param>
/// <param name="DroppedCount">On a <c>refusals-dropped</c> summary, how many refusals it stands for; otherwise 0.</param>
public sealed record DoorRefusal(
    DateTimeOffset RefusedAt,
    string DeviceId,
    string? ClientId,
    string Source,
    string? EventId,
    EventKind? Kind,
    EventProblem Problem,
    ReadOnlyMemory<byte> Payload,
    long DroppedCount = 0);
