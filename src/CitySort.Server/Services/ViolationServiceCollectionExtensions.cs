using CitySort.Collection;
using CitySort.Collection.PlanActual;
using CitySort.Collection.Violations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitySort.Server.Services;

/// <summary>Registers the violation review and planned-vs-actual services of the collection chain.</summary>
internal static class ViolationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ViolationService"/>, <see cref="PlanActualService"/>, the background <see cref="ViolationWorker"/>
    /// (hosted, and an <see cref="ICommittedEventSink"/> beside any others), and, unless the event store registered
    /// one, an <see cref="ICollectionEventReader"/> that has no events.
    /// </summary>
    /// <param name="services">The service collection (with storage, profile and clock registered).</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddCitySortViolations(this IServiceCollection services)
    {
        services.TryAddSingleton<ICollectionEventReader, EmptyCollectionEventReader>();
        services.AddSingleton<ViolationService>();
        services.AddSingleton<PlanActualService>();
        services.AddSingleton<ViolationWorker>();
        services.AddSingleton<ICommittedEventSink>(sp => sp.GetRequiredService<ViolationWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ViolationWorker>());
        return services;
    }
}
