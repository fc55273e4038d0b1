namespace CitySort.Server.Contracts;

/// <summary>The answer for one event of a <c>POST /api/events</c> batch, given after the intake's commit.</summary>
/// <param name="Index">The event's zero-based position in <c>events</c>.</param>
/// <param name="EventId">The event id when the payload had a readable one; otherwise null.</param>
/// <param name="Outcome"><c>accepted</c>, <c>duplicate</c>, <c>conflict</c> or <c>rejected</c>.</param>
/// <param name="ReasonCode">For conflicts and rejections, a stable code (docs/events.md); otherwise null.</param>
/// <param name="Reason">For conflicts and rejections, the reason in English; otherwise null.</param>
/// <param name="ReasonZh">The same reason in Chinese; otherwise null.</param>
public sealed record EventResultView(int Index, string? EventId, string Outcome, string? ReasonCode, string? Reason, string? ReasonZh);
