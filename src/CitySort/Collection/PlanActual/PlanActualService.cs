using CitySort.Planning;
using CitySort.Policy;
using CitySort.Security;

namespace CitySort.Collection.PlanActual;

/// <summary>
/// Planned vs actual of a business day: reads the day's stored plans (<see cref="DailyPlanService.GetAsync(AccessScope, DateOnly, PlanningRequest?, CancellationToken)"/>) and
/// each planned vehicle's events of the day (<see cref="ICollectionEventReader.ReadVehicleDayAsync"/>, one vehicle at
/// a time: the GPS track is not kept in rollups) and compares them with <see cref="PlanActualCalculator"/>.
/// </summary>
/// <param name="plans">The stored plans.</param>
/// <param name="events">The event store's reader.</param>
/// <param name="profile">The profile (the jump threshold of setting <c>routeChecks</c>).</param>
public sealed class PlanActualService(DailyPlanService plans, ICollectionEventReader events, PolicyProfile profile)
{
    /// <summary>Planned vs actual of <paramref name="date"/>, or null when the day was never planned (for the filter).</summary>
    /// <param name="date">The business day.</param>
    /// <param name="filter">One area and/or category; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or null.</returns>
    public Task<PlanActualReport?> GetAsync(DateOnly date, PlanningRequest? filter, CancellationToken cancellationToken) =>
        GetAsync(AccessScope.City, date, filter, cancellationToken);

    /// <summary>Planned vs actual of the plans of <paramref name="date"/> within <paramref name="scope"/>, or null when none was planned.</summary>
    /// <param name="scope">The reader's scope (a district officer's districts: their plans and their vehicles' events only).</param>
    /// <param name="date">The business day.</param>
    /// <param name="filter">One area and/or category; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or null.</returns>
    public async Task<PlanActualReport?> GetAsync(AccessScope scope, DateOnly date, PlanningRequest? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(profile);
        var set = await plans.GetAsync(scope, date, filter, cancellationToken);
        if (set is null)
        {
            return null;
        }

        var maxKmh = profile.Settings.RouteChecks?.Value.MaxPlausibleSpeedKmPerHour;
        var lines = new List<LineActual>();
        foreach (var plan in set.Plans)
        {
            var byPlate = new Dictionary<string, IReadOnlyList<CollectionEvent>>(StringComparer.Ordinal);
            foreach (var plate in plan.Trips.Select(t => t.VehiclePlate).Distinct(StringComparer.Ordinal))
            {
                byPlate[plate] = await events.ReadVehicleDayAsync(plate, date, cancellationToken);
            }

            lines.AddRange(PlanActualCalculator.Compare(plan, p => byPlate[p], maxKmh));
        }

        return new PlanActualReport(date, lines);
    }
}
