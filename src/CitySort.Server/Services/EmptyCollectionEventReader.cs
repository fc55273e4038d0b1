using CitySort.Collection;

namespace CitySort.Server.Services;

/// <summary>
/// The reader used while no event store is registered: no events. The event store's own
/// <see cref="ICollectionEventReader"/> replaces it when it is registered.
/// </summary>
internal sealed class EmptyCollectionEventReader : ICollectionEventReader
{
    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionEvent>> ReadVehicleDayAsync(string vehiclePlate, DateOnly businessDay, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionEvent>>([]);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionEvent>> ReadDayAsync(DateOnly businessDay, EventKind? kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionEvent>>([]);

    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionEvent>> ReadByIdsAsync(IReadOnlyList<EventKey> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionEvent>>([]);
}
