namespace CitySort.Server.Contracts;

/// <summary>One violation with its evidence events in full, as the event store holds them.</summary>
/// <param name="Violation">The violation.</param>
/// <param name="Events">
/// The evidence events in device-time order, each a pickup, GPS fix or weigh ticket object of docs/events.md with its
/// <c>kind</c>; an evidence reference the event store does not hold (any more) is listed in
/// <see cref="MissingEvidence"/> instead.
/// </param>
/// <param name="MissingEvidence">Evidence references whose events the event store did not return.</param>
public sealed record ViolationDetail(ViolationView Violation, IReadOnlyList<object> Events, IReadOnlyList<EvidenceView> MissingEvidence);
