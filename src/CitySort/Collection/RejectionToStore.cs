namespace CitySort.Collection;

/// <summary>A rejection or conflict about to be stored in the same transaction as its batch.</summary>
/// <param name="DeviceId">The sending device.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="EventId">The event id, when readable.</param>
/// <param name="Kind">The kind, when known.</param>
/// <param name="Outcome">Rejected or Conflict.</param>
/// <param name="Problem">The reason.</param>
/// <param name="Payload">The raw payload bytes.</param>
internal sealed record RejectionToStore(string DeviceId, string Source, string? EventId, EventKind? Kind, IntakeOutcome Outcome, EventProblem Problem, ReadOnlyMemory<byte> Payload);
