namespace CitySort.Collection;

/// <summary>
/// Reads stored, accepted events back for evidence, day-end checks and rebuilding rollups (never on a KPI request's
/// path: KPIs come from rollups). Implemented by the event store.
/// </summary>
public interface ICollectionEventReader
{
    /// <summary>Every accepted event of one vehicle on one Asia/Shanghai business day (pickups, GPS fixes, tickets), in device-time order.</summary>
    /// <param name="vehiclePlate">The plate.</param>
    /// <param name="businessDay">The business day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, oldest first; empty when there are none.</returns>
    Task<IReadOnlyList<CollectionEvent>> ReadVehicleDayAsync(string vehiclePlate, DateOnly businessDay, CancellationToken cancellationToken);

    /// <summary>Every accepted event of one business day, optionally of one kind, in device-time order.</summary>
    /// <param name="businessDay">The business day.</param>
    /// <param name="kind">Only this kind, or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, oldest first.</returns>
    Task<IReadOnlyList<CollectionEvent>> ReadDayAsync(DateOnly businessDay, EventKind? kind, CancellationToken cancellationToken);

    /// <summary>The accepted events with the given (device id, event id) keys, for showing a violation's evidence.</summary>
    /// <param name="keys">The keys; unknown keys are left out of the answer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events found, in device-time order.</returns>
    Task<IReadOnlyList<CollectionEvent>> ReadByIdsAsync(IReadOnlyList<EventKey> keys, CancellationToken cancellationToken);
}
