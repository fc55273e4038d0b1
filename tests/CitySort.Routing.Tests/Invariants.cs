namespace CitySort.Routing.Tests;

/// <summary>
/// A second, deliberately plain statement of what a feasible solution is, written apart from the checker so the two
/// can be compared: each client once, loads within capacity per trip, service within windows (waiting allowed),
/// unloading only where accepted, back by the end of the shift, fleet size kept.
/// </summary>
internal static class Invariants
{
    public static bool EachClientOnce(Problem problem, Solution solution)
    {
        var served = solution.Routes.SelectMany(r => r.Clients).ToList();
        return served.Count == problem.Clients.Count && served.Distinct().Count() == problem.Clients.Count
            && served.All(c => c >= 0 && c < problem.Clients.Count);
    }

    public static bool LoadsWithinCapacity(Problem problem, Solution solution) =>
        solution.Routes.All(r => r.Trips.All(t =>
            t.Clients.Sum(c => problem.Clients[c].Demand.Value) <= problem.VehicleTypes[r.VehicleTypeIndex].Capacity.Value));

    public static bool ServiceWithinWindows(Problem problem, Solution solution)
    {
        foreach (var route in solution.Routes)
        {
            var type = problem.VehicleTypes[route.VehicleTypeIndex];
            var depot = problem.DepotNode(type.DepotIndex);
            var position = depot;
            var clock = type.ShiftWindow!.Value.Earliest.Value;
            foreach (var trip in route.Trips)
            {
                foreach (var c in trip.Clients)
                {
                    var node = problem.ClientNode(c);
                    var window = problem.Clients[c].TimeWindow!.Value;
                    clock = Math.Max(clock + problem.TravelDuration(position, node).Value, window.Earliest.Value);
                    if (clock > window.Latest.Value)
                    {
                        return false;
                    }

                    clock += problem.Clients[c].ServiceDuration.Value;
                    position = node;
                }

                var end = trip.FacilityIndex is { } f ? problem.FacilityNode(f) : depot;
                clock += problem.TravelDuration(position, end).Value;
                if (trip.FacilityIndex is { } g)
                {
                    var window = problem.Facilities[g].TimeWindow;
                    clock = Math.Max(clock, window.Earliest.Value);
                    if (clock > window.Latest.Value)
                    {
                        return false;
                    }

                    clock += problem.Facilities[g].ServiceDuration.Value;
                }

                position = end;
            }

            clock += problem.TravelDuration(position, depot).Value;
            if (clock > type.ShiftWindow!.Value.Latest.Value)
            {
                return false;
            }
        }

        return true;
    }

    public static bool UnloadsWhereAccepted(Problem problem, Solution solution) =>
        solution.Routes.All(r =>
        {
            var type = problem.VehicleTypes[r.VehicleTypeIndex];
            return r.Trips.Count <= type.MaxTripsPerVehicle
                && r.Trips.All(t => t.Clients.Count > 0 && (type.UnloadingFacilities.Count == 0
                    ? t.FacilityIndex is null
                    : t.FacilityIndex is { } f && type.UnloadingFacilities.Contains(f)));
        });

    public static bool FleetKept(Problem problem, Solution solution) =>
        problem.VehicleTypes.Select((type, index) => solution.Routes.Count(r => r.VehicleTypeIndex == index) <= type.Count).All(ok => ok);

    public static bool All(Problem problem, Solution solution) =>
        EachClientOnce(problem, solution) && LoadsWithinCapacity(problem, solution) && ServiceWithinWindows(problem, solution)
        && UnloadsWhereAccepted(problem, solution) && FleetKept(problem, solution);
}
