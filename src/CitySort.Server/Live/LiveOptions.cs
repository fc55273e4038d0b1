namespace CitySort.Server.Live;

/// <summary>How often the live feed speaks to the dashboards (<see cref="LiveFeed"/>).</summary>
public sealed record LiveOptions
{
    /// <summary>
    /// The pause between two sends of the vehicles that moved; positions of one vehicle within it are coalesced to the
    /// newest. Default 250 ms.
    /// </summary>
    public TimeSpan PositionInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The least time between two <c>"batchCommitted"</c> messages; the batches committed within it are summed into
    /// one, so that a burst of events does not make every page refetch for every batch. Default 1 s.
    /// </summary>
    public TimeSpan BatchNoticeInterval { get; init; } = TimeSpan.FromSeconds(1);
}
