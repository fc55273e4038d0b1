namespace CitySort.Collection;

/// <summary>
/// The answer for one event of a submitted batch, given only after the batch's transaction has committed (so an
/// <see cref="IntakeOutcome.Accepted"/> or <see cref="IntakeOutcome.Duplicate"/> is durable, and a rejection is
/// stored).
/// </summary>
/// <param name="Index">The event's zero-based position in the submitted batch.</param>
/// <param name="EventId">The event id when the payload had a readable one; otherwise null.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="ReasonCode">
/// For conflicts and rejections, a stable machine-readable code such as <c>unknown-vehicle</c>, <c>net-mismatch</c>,
/// <c>malformed</c>, <c>not-own-plate</c> (docs/events.md lists them); otherwise null.
/// </param>
/// <param name="Reason">For conflicts and rejections, the reason in English, naming the JSON path where it applies.</param>
/// <param name="ReasonZh">The same reason in Chinese.</param>
public sealed record IntakeResult(
    int Index,
    string? EventId,
    IntakeOutcome Outcome,
    string? ReasonCode = null,
    string? Reason = null,
    string? ReasonZh = null);
