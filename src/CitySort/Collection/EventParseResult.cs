namespace CitySort.Collection;

/// <summary>What <see cref="EventJsonParser"/> made of one payload: the event, or the problem that stopped it.</summary>
/// <param name="EventId">The event id when the payload had a readable one (a ticket's <c>ticketId</c>); otherwise null.</param>
/// <param name="Kind">The kind, when known.</param>
/// <param name="Event">The parsed event, or null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the payload could not be read, or null.</param>
public sealed record EventParseResult(string? EventId, EventKind? Kind, CollectionEvent? Event, EventProblem? Problem);
