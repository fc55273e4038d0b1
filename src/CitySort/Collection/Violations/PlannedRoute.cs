using CitySort.Planning;
using CitySort.Registry;

namespace CitySort.Collection.Violations;

/// <summary>
/// Where a vehicle was meant to go on a day: its stops in order and the planned path as a polyline of WGS-84 points.
/// From a stored <see cref="DailyPlan"/> the path is depot → the stops of trip 1 → its facility → the stops of trip
/// 2 → … → the last facility → depot; from a registry <see cref="DedicatedLine"/> it is its stops in order → its facility.
/// </summary>
/// <param name="Name">What the route is, for descriptions: "plan 2015-12-01 330302 Kitchen" or "line LC-K-01".</param>
/// <param name="IsDayPlan">True for a stored day plan (whose stops are due that day), false for a dedicated line.</param>
/// <param name="Stops">The stops in visiting order.</param>
/// <param name="Path">The planned polyline, in order.</param>
/// <param name="PlannedDistanceMetres">The plan's metres for the vehicle (Σ of its trips' distances), or null for a line.</param>
/// <param name="PlannedStart">When the vehicle was planned to leave (first trip's departure, local), or null.</param>
/// <param name="PlannedEnd">When it was planned to be back (last trip's return, else last unloading, local), or null.</param>
public sealed record PlannedRoute(
    string Name,
    bool IsDayPlan,
    IReadOnlyList<RouteStop> Stops,
    IReadOnlyList<GeoPoint> Path,
    long? PlannedDistanceMetres,
    TimeOnly? PlannedStart,
    TimeOnly? PlannedEnd)
{
    /// <summary>The route of <paramref name="plate"/> in <paramref name="plan"/>, or null when the plan has no trip for it.</summary>
    /// <param name="plan">A stored plan with its trips and stops.</param>
    /// <param name="plate">The vehicle's plate.</param>
    /// <returns>The route, trips in number order and stops in sequence.</returns>
    public static PlannedRoute? FromDailyPlan(DailyPlan plan, string plate)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var trips = plan.Trips.Where(t => string.Equals(t.VehiclePlate, plate, StringComparison.Ordinal)).OrderBy(t => t.VehicleTrip).ToList();
        if (trips.Count == 0)
        {
            return null;
        }

        var depot = new GeoPoint(plan.DepotLongitude, plan.DepotLatitude);
        var path = new List<GeoPoint> { depot };
        var stops = new List<RouteStop>();
        foreach (var trip in trips)
        {
            foreach (var stop in trip.Stops.OrderBy(s => s.Sequence))
            {
                var at = new GeoPoint(stop.Longitude, stop.Latitude);
                stops.Add(new RouteStop(stop.SiteCode, stop.SiteName, trip.VehicleTrip, stop.Sequence, at, stop.ArrivesAt));
                path.Add(at);
            }

            path.Add(new GeoPoint(trip.FacilityLongitude, trip.FacilityLatitude));
        }

        path.Add(depot);
        var last = trips[^1];
        return new PlannedRoute(
            $"plan {plan.Date:yyyy-MM-dd} {plan.AreaCode} {plan.Category}",
            true,
            stops,
            path,
            trips.Sum(t => t.DistanceMetres),
            trips[0].DepartsAt,
            last.ReturnsToDepotAt ?? last.UnloadedAt);
    }

    /// <summary>The route of a registry dedicated line: its stops in order, then its facility.</summary>
    /// <param name="line">The line with its stops.</param>
    /// <param name="sites">The sites of the stops, by code (stops of unknown sites are left out).</param>
    /// <param name="facility">The line's facility, or null when unknown.</param>
    /// <returns>The route.</returns>
    public static PlannedRoute FromLine(DedicatedLine line, IReadOnlyDictionary<string, Site> sites, Facility? facility)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(sites);
        var stops = new List<RouteStop>();
        foreach (var stop in line.Stops.OrderBy(s => s.Sequence))
        {
            if (sites.TryGetValue(stop.SiteCode, out var site))
            {
                stops.Add(new RouteStop(site.Code, site.Name, 1, stop.Sequence, new GeoPoint(site.Longitude, site.Latitude), null));
            }
        }

        var path = stops.Select(s => s.Location).ToList();
        if (facility is not null)
        {
            path.Add(new GeoPoint(facility.Longitude, facility.Latitude));
        }

        return new PlannedRoute($"line {line.Code}", false, stops, path, null, null, null);
    }
}
