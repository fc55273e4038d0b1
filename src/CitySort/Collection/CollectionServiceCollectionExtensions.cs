using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitySort.Collection;

/// <summary>Registers the collection chain's core: the intake, the event store and reader, the registry snapshot and the KPIs.</summary>
public static class CollectionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CollectionOptions"/>, <see cref="RegistrySnapshotSource"/>, <see cref="CollectionEventStore"/>
    /// (also as <see cref="ICollectionEventReader"/>), <see cref="EventIntake"/> (also as <see cref="IEventIntake"/>),
    /// <see cref="MonthRollups"/>, <see cref="KpiService"/> and <see cref="DoorRefusalRecorder"/>, all singletons. Needs <see cref="StorageServiceCollectionExtensions.AddCitySortStorage"/>
    /// and a <see cref="Policy.PolicyProfile"/>; adds <see cref="TimeProvider.System"/> when no clock is registered.
    /// Register <see cref="ICommittedEventSink"/>s as singletons to be told of each commit.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Plausibility limits; null for the defaults.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddCitySortCollection(this IServiceCollection services, CollectionOptions? options = null)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options ?? new CollectionOptions());
        services.TryAddSingleton<RegistrySnapshotSource>();
        services.TryAddSingleton(sp => new CollectionEventStore(sp.GetRequiredService<StorageOptions>()));
        services.TryAddSingleton<ICollectionEventReader>(sp => sp.GetRequiredService<CollectionEventStore>());
        services.TryAddSingleton<EventIntake>();
        services.TryAddSingleton<IEventIntake>(sp => sp.GetRequiredService<EventIntake>());
        services.TryAddSingleton(sp => new MonthRollups(sp.GetRequiredService<StorageOptions>()));
        services.TryAddSingleton<KpiService>();
        services.TryAddSingleton<DoorRefusalRecorder>();
        return services;
    }
}
