using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitySort.Planning;

/// <summary>Registers the planning services.</summary>
public static class PlanningServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DailyPlanService"/> (singleton) with <paramref name="options"/>. The host registers the
    /// storage (<c>AddCitySortStorage</c>), the <see cref="Policy.PolicyProfile"/> and a <see cref="TimeProvider"/>;
    /// an <see cref="ITravelMatrixProvider"/> registered before this call replaces the great-circle estimate.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Solver limits and seed; null for the defaults.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddCitySortPlanning(this IServiceCollection services, PlanningOptions? options = null)
    {
        services.TryAddSingleton(options ?? new PlanningOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DailyPlanService>();
        return services;
    }
}
