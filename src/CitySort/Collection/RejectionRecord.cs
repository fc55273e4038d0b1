namespace CitySort.Collection;

/// <summary>A stored rejection or conflict (GET /api/rejections): what arrived, from where, and why it was refused.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="ReceivedAt">When the intake refused it (UTC).</param>
/// <param name="DeviceId">The sending device.</param>
/// <param name="Source">The door and place (<c>mqtt:…</c>, <c>http:POST /api/events[3]</c>, <c>tickets.csv:12</c>).</param>
/// <param name="EventId">The event id when the payload had a readable one.</param>
/// <param name="Outcome"><see cref="IntakeOutcome.Rejected"/> or <see cref="IntakeOutcome.Conflict"/>.</param>
/// <param name="ReasonCode">The reason code (<see cref="ReasonCodes"/>).</param>
/// <param name="Reason">The reason in English.</param>
/// <param name="ReasonZh">The reason in Chinese.</param>
/// <param name="Payload">The raw payload as UTF-8 text (data, never markup).</param>
/// <param name="ClientId">Where a door refusal came from beside the device id: the MQTT client id, or the HTTP peer's
/// address; null for the intake's rejections.</param>
/// <param name="DroppedCount">On a <c>refusals-dropped</c> summary row, how many further refusals of the client in
/// that minute were counted but not stored one by one (docs/events.md, "Refusals at the doors"); otherwise 0.</param>
public sealed record RejectionRecord(
    long Id,
    DateTimeOffset ReceivedAt,
    string DeviceId,
    string Source,
    string? EventId,
    IntakeOutcome Outcome,
    string ReasonCode,
    string Reason,
    string ReasonZh,
    string Payload,
    string? ClientId = null,
    long DroppedCount = 0);
