namespace CitySort.Collection;

/// <summary>What one committed intake batch added (see <see cref="ICommittedEventSink"/>).</summary>
/// <param name="Accepted">The accepted events, parsed, in batch order.</param>
/// <param name="RejectedCount">How many events of the batch were rejected or conflicted.</param>
/// <param name="BusinessDays">The Asia/Shanghai business days whose rollups changed.</param>
public sealed record CommittedBatch(
    IReadOnlyList<CollectionEvent> Accepted,
    int RejectedCount,
    IReadOnlyList<DateOnly> BusinessDays);
