namespace CitySort.Collection;

/// <summary>
/// One raw event as a door received it, before parsing: a UTF-8 JSON object (docs/events.md) or a CSV row already
/// turned into that object by the CSV door.
/// </summary>
/// <param name="Kind">
/// The kind the door knows from its channel (the MQTT topic's last segment, the CSV import's kind); null when the
/// payload names it in its <c>"kind"</c> member (the HTTP batch).
/// </param>
/// <param name="Utf8Json">The payload bytes; stored as received with a rejection.</param>
/// <param name="Source">
/// Where it came from, for the office reading a rejection: <c>mqtt:citysort/v1/vehicles/浙C12345/pickups</c>,
/// <c>http:POST /api/events[3]</c>, or <c>tickets.csv:12</c>.
/// </param>
public sealed record IncomingEvent(EventKind? Kind, ReadOnlyMemory<byte> Utf8Json, string Source);
