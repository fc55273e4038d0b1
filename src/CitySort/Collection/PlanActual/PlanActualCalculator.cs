using CitySort.Collection.Violations;
using CitySort.Planning;

namespace CitySort.Collection.PlanActual;

/// <summary>Planned vs actual as a pure function over a stored plan and its vehicles' events (no I/O, no clock).</summary>
public static class PlanActualCalculator
{
    /// <summary>One <see cref="LineActual"/> per vehicle of <paramref name="plan"/>.</summary>
    /// <param name="plan">A stored day plan with its trips and stops.</param>
    /// <param name="eventsOf">Each planned plate's accepted events of the plan's day (any order); other plates' and days' are ignored.</param>
    /// <param name="maxPlausibleSpeedKmPerHour">The jump threshold of the GPS track (setting <c>routeChecks</c>), or null to keep every fix.</param>
    /// <returns>The lines, ordered by plate.</returns>
    public static IReadOnlyList<LineActual> Compare(DailyPlan plan, Func<string, IReadOnlyList<CollectionEvent>> eventsOf, int? maxPlausibleSpeedKmPerHour)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(eventsOf);
        var lines = new List<LineActual>();
        foreach (var plate in plan.Trips.Select(t => t.VehiclePlate).Distinct().Order(StringComparer.Ordinal))
        {
            var route = PlannedRoute.FromDailyPlan(plan, plate)!;
            var events = eventsOf(plate).Where(e => e.BusinessDay == plan.Date).ToList();
            var pickups = events.OfType<PickupEvent>().Where(p => p.VehiclePlate == plate).ToList();
            var fixes = events.OfType<GpsFixEvent>().Where(f => f.VehiclePlate == plate).ToList();
            var picked = pickups.Select(p => p.SiteCode).ToHashSet(StringComparer.Ordinal);
            var planned = route.Stops.Select(s => s.SiteCode).ToList();
            var plannedSet = planned.ToHashSet(StringComparer.Ordinal);
            var track = GpsTrack.Of(fixes, maxPlausibleSpeedKmPerHour);
            var start = route.PlannedStart;
            var end = route.PlannedEnd;
            lines.Add(new LineActual(
                plan.Date,
                plan.AreaCode,
                plan.DistrictCode,
                plan.Category,
                plate,
                planned.Count,
                planned.Where(picked.Contains).Distinct().ToList(),
                planned.Where(s => !picked.Contains(s)).Distinct().ToList(),
                picked.Where(s => !plannedSet.Contains(s)).Order(StringComparer.Ordinal).ToList(),
                route.PlannedDistanceMetres ?? 0,
                (long)Math.Round(track.DrivenMetres, MidpointRounding.AwayFromZero),
                start,
                end,
                start is { } s0 && end is { } e0 ? (long)(e0 - s0).TotalSeconds : 0,
                track.FirstFix,
                track.LastFix,
                (long)Math.Round(track.DrivenSeconds, MidpointRounding.AwayFromZero),
                track.FixCount,
                track.IgnoredFixCount,
                events.Any(e => e.IsIllustrative)));
        }

        return lines;
    }
}
