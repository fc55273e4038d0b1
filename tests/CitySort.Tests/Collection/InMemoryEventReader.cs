using CitySort.Collection;

namespace CitySort.Tests.Collection;

/// <summary>An <see cref="ICollectionEventReader"/> over a list the test fills, answering as the contract says (device-time order).</summary>
internal sealed class InMemoryEventReader : ICollectionEventReader
{
    public List<CollectionEvent> Events { get; } = [];

    public Task<IReadOnlyList<CollectionEvent>> ReadVehicleDayAsync(string vehiclePlate, DateOnly businessDay, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionEvent>>(Events
            .Where(e => e.BusinessDay == businessDay && PlateOf(e) == vehiclePlate)
            .OrderBy(e => e.DeviceTime).ToList());

    public Task<IReadOnlyList<CollectionEvent>> ReadDayAsync(DateOnly businessDay, EventKind? kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionEvent>>(Events
            .Where(e => e.BusinessDay == businessDay && (kind is null || e.Kind == kind))
            .OrderBy(e => e.DeviceTime).ToList());

    public Task<IReadOnlyList<CollectionEvent>> ReadByIdsAsync(IReadOnlyList<EventKey> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CollectionEvent>>(Events
            .Where(e => keys.Contains(new EventKey(e.DeviceId, e.EventId)))
            .OrderBy(e => e.DeviceTime).ToList());

    private static string? PlateOf(CollectionEvent e) => e switch
    {
        PickupEvent p => p.VehiclePlate,
        GpsFixEvent g => g.VehiclePlate,
        WeighTicketEvent t => t.VehiclePlate,
        _ => null,
    };
}
