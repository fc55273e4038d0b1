using System.Globalization;

namespace CitySort.Routing;

/// <summary>
/// Recomputes a solution's cost and checks every rule of the problem from the problem alone, independent of any
/// solver, and names the first rule broken. Routes and trips are numbered from 1 in messages (as "Route #1" in
/// .sol files); clients are named by <see cref="Problem.ClientLabel"/>; times are in the problem's stored units.
/// </summary>
/// <remarks>
/// Rules, checked route by route in order, then over the whole solution:
/// the vehicle type exists; a route serves at least one client and every trip serves at least one;
/// every client index exists and no client is served twice; a type without facilities makes one trip ending at its
/// depot, a type with facilities ends every trip at a facility it may unload at and makes at most
/// <see cref="VehicleType.MaxTripsPerVehicle"/> trips, so its last visit before the depot is an unload (empty return);
/// each trip's load is within capacity; the day's load is within <see cref="VehicleType.MaxLoadPerDay"/> and the day's
/// clients within <see cref="VehicleType.MaxClientsPerDay"/>; service starts within each client's window (a vehicle
/// leaves at the start of its shift and waits when early), unloading within each facility's window, the break (when
/// the type has one and the vehicle is not back by its latest start) fits in some gap between two stops, and the
/// vehicle is back by the end of its shift; every client is served; no vehicle type uses more vehicles than it has.
/// The cost is the distance driven plus each used vehicle's <see cref="VehicleType.FixedCost"/>.
/// Source: the DIMACS 2021 VRPTW rules, the multi-trip semantics of this library, and the rules of Kim, Kim &amp;
/// Sahoo (2006) for the waste-collection day.
/// </remarks>
public static class SolutionChecker
{
    /// <summary>Checks <paramref name="solution"/> against <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="solution">The solution (its stated cost is not trusted; compare with <see cref="CheckResult.Confirms"/>).</param>
    /// <returns>Feasibility, the recomputed cost, and the first violation in words.</returns>
    public static CheckResult Check(Problem problem, Solution solution)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        string? first = null;
        void Fail(string message) => first ??= message;

        var visitedBy = new int[problem.Clients.Count];
        var vehiclesUsed = new int[problem.VehicleTypes.Count];
        var cost = Distance.Zero;
        var distanceDriven = Distance.Zero;

        for (var r = 0; r < solution.Routes.Count; r++)
        {
            var route = solution.Routes[r];
            var routeNo = r + 1;
            if (route.VehicleTypeIndex < 0 || route.VehicleTypeIndex >= problem.VehicleTypes.Count)
            {
                Fail($"route {routeNo}: vehicle type {route.VehicleTypeIndex} does not exist (there are {problem.VehicleTypes.Count})");
                continue;
            }

            vehiclesUsed[route.VehicleTypeIndex]++;
            var type = problem.VehicleTypes[route.VehicleTypeIndex];
            if (!route.Clients.Any())
            {
                Fail($"route {routeNo} serves no client");
            }

            var maxTrips = type.MaxTripsPerVehicle ?? 1;
            if (route.Trips.Count > maxTrips)
            {
                Fail($"route {routeNo} makes {route.Trips.Count} trips but vehicle type {route.VehicleTypeIndex} allows {maxTrips}");
            }

            var routeReadable = true;
            for (var t = 0; t < route.Trips.Count; t++)
            {
                var trip = route.Trips[t];
                var tripNo = t + 1;
                if (trip.Clients.Count == 0 && route.Clients.Any())
                {
                    Fail($"route {routeNo} trip {tripNo} serves no client");
                }

                var load = Load.Zero;
                foreach (var c in trip.Clients)
                {
                    if (c < 0 || c >= problem.Clients.Count)
                    {
                        Fail($"route {routeNo} trip {tripNo}: client index {c} does not exist (there are {problem.Clients.Count} clients)");
                        routeReadable = false;
                        continue;
                    }

                    if (visitedBy[c] != 0)
                    {
                        Fail(visitedBy[c] == routeNo
                            ? $"client {problem.ClientLabel(c)} is visited twice (route {routeNo})"
                            : $"client {problem.ClientLabel(c)} is visited twice (routes {visitedBy[c]} and {routeNo})");
                    }
                    else
                    {
                        visitedBy[c] = routeNo;
                    }

                    load += problem.Clients[c].Demand;
                }

                if (load > type.Capacity)
                {
                    Fail($"route {routeNo} trip {tripNo} load {load} exceeds capacity {type.Capacity}");
                }

                if (trip.FacilityIndex is { } f)
                {
                    if (f < 0 || f >= problem.Facilities.Count)
                    {
                        Fail($"route {routeNo} trip {tripNo}: facility index {f} does not exist (there are {problem.Facilities.Count} facilities)");
                        routeReadable = false;
                    }
                    else if (type.UnloadingFacilities.Count == 0)
                    {
                        Fail($"route {routeNo} trip {tripNo} unloads at facility {FacilityLabel(problem, f)} but vehicle type {route.VehicleTypeIndex} unloads at its depot");
                    }
                    else if (!type.UnloadingFacilities.Contains(f))
                    {
                        Fail($"route {routeNo} trip {tripNo} unloads at facility {FacilityLabel(problem, f)}, which does not accept vehicle type {route.VehicleTypeIndex} (it may unload at {string.Join(", ", type.UnloadingFacilities.Select(i => FacilityLabel(problem, i)))})");
                    }
                }
                else if (type.UnloadingFacilities.Count > 0)
                {
                    Fail($"route {routeNo} trip {tripNo} ends without unloading; vehicle type {route.VehicleTypeIndex} must unload at {string.Join(" or ", type.UnloadingFacilities.Select(i => FacilityLabel(problem, i)))}");
                }
            }

            if (!routeReadable)
            {
                continue;
            }

            var dayLoad = Load.Zero;
            var dayClients = 0;
            foreach (var c in route.Clients)
            {
                dayLoad += problem.Clients[c].Demand;
                dayClients++;
            }

            if (type.MaxLoadPerDay is { } maxDayLoad && dayLoad > maxDayLoad)
            {
                Fail($"route {routeNo} collects {dayLoad} in its day but vehicle type {route.VehicleTypeIndex} may collect {maxDayLoad} per day");
            }

            if (type.MaxClientsPerDay is { } maxDayClients && dayClients > maxDayClients)
            {
                Fail($"route {routeNo} serves {dayClients} clients in its day but vehicle type {route.VehicleTypeIndex} may serve {maxDayClients} per day");
            }

            var late = WalkRoute(problem, route, routeNo, out var routeDistance);
            cost += routeDistance + type.FixedCost;
            distanceDriven += routeDistance;
            if (late is not null)
            {
                Fail(late);
            }
        }

        for (var c = 0; c < visitedBy.Length; c++)
        {
            if (visitedBy[c] == 0)
            {
                Fail($"client {problem.ClientLabel(c)} is not visited");
                break;
            }
        }

        for (var v = 0; v < vehiclesUsed.Length; v++)
        {
            var count = problem.VehicleTypes[v].Count;
            if (vehiclesUsed[v] > count)
            {
                Fail($"vehicle type {v} uses {vehiclesUsed[v]} vehicles but has {count}");
            }
        }

        return new CheckResult(first is null, cost, first) { DistanceDriven = distanceDriven, VehiclesUsed = solution.Routes.Count };
    }

    /// <summary>
    /// Walks the route leg by leg, adding up its distance from the problem's matrix and simulating it in time; returns
    /// the first lateness found, or null. The checker computes the distance and the times here, on its own, rather than
    /// through <see cref="Solution.RouteDistance"/> or a solver's schedule, so that an error there cannot hide itself.
    /// A vehicle type with a break that is not back by the latest break start tries the break in every gap between two
    /// stops (depot departure and return included) and is feasible when one gap keeps every window and the shift.
    /// </summary>
    private static string? WalkRoute(Problem problem, Route route, int routeNo, out Distance distance)
    {
        var type = problem.VehicleTypes[route.VehicleTypeIndex];
        var shift = type.ShiftWindow ?? problem.Depots[type.DepotIndex].TimeWindow;
        var depotNode = problem.DepotNode(type.DepotIndex);
        var stops = new List<Stop>();
        foreach (var trip in route.Trips)
        {
            foreach (var c in trip.Clients)
            {
                var client = problem.Clients[c];
                stops.Add(new Stop(problem.ClientNode(c), client.TimeWindow ?? TimeWindow.Unbounded, client.ServiceDuration, $"service at client {problem.ClientLabel(c)}", "its time window closes"));
            }

            if (trip.FacilityIndex is { } f)
            {
                var facility = problem.Facilities[f];
                stops.Add(new Stop(problem.FacilityNode(f), facility.TimeWindow, facility.ServiceDuration, $"unloading at facility {FacilityLabel(problem, f)}", "it closes"));
            }
            else if (trip.Clients.Count > 0)
            {
                stops.Add(new Stop(depotNode, TimeWindow.Unbounded, Duration.Zero, string.Empty, string.Empty));
            }
        }

        // A trip that returns to its depot is a stop at the depot; the walk ends at the depot in any case.
        if (stops.Count > 0 && stops[^1].Node == depotNode)
        {
            stops.RemoveAt(stops.Count - 1);
        }

        distance = Distance.Zero;
        var at = depotNode;
        foreach (var stop in stops)
        {
            distance += problem.Distance(at, stop.Node);
            at = stop.Node;
        }

        distance += problem.Distance(at, depotNode);

        var (late, returnTime) = Simulate(problem, stops, depotNode, shift.Earliest, null, -1, routeNo);
        if (late is not null)
        {
            // A break only delays what follows, so it cannot cure a late arrival.
            return late;
        }

        var meal = type.Break;
        if (meal is null || returnTime <= meal.StartWindow.Latest)
        {
            return returnTime > shift.Latest
                ? $"route {routeNo} returns to depot {DepotLabel(problem, type.DepotIndex)} at {returnTime}, after its shift ends at {shift.Latest}"
                : null;
        }

        for (var gap = 0; gap <= stops.Count; gap++)
        {
            var (reason, back) = Simulate(problem, stops, depotNode, shift.Earliest, meal, gap, routeNo);
            reason ??= back > shift.Latest
                ? $"it returns to depot {DepotLabel(problem, type.DepotIndex)} at {back}, after its shift ends at {shift.Latest}"
                : null;
            if (reason is null)
            {
                return null;
            }
        }

        return $"route {routeNo} has no gap for its break ({meal}) that keeps every window and its shift; back at {returnTime} without it, after the latest break start {meal.StartWindow.Latest}";
    }

    /// <summary>
    /// Times the stops from the depot and back: service starts at max(arrival, window opening); with a break in gap
    /// <paramref name="breakGap"/> (0 = before the first stop, stops.Count = before the return), the break starts at
    /// max(departure, break window opening), must start by the window's close, may interrupt the drive, and the next
    /// service can begin no sooner than max(departure + travel, break window opening) + break duration.
    /// </summary>
    private static (string? Late, Duration ReturnTime) Simulate(
        Problem problem, List<Stop> stops, int depotNode, Duration departure, VehicleBreak? meal, int breakGap, int routeNo)
    {
        var at = depotNode;
        var time = departure;
        for (var i = 0; i <= stops.Count; i++)
        {
            var node = i < stops.Count ? stops[i].Node : depotNode;
            var arrival = time + problem.TravelDuration(at, node);
            if (meal is not null && i == breakGap)
            {
                var breakStart = Duration.Max(time, meal.StartWindow.Earliest);
                if (breakStart > meal.StartWindow.Latest)
                {
                    return ($"the break would start at {breakStart}, after {meal.StartWindow.Latest}", Duration.Zero);
                }

                arrival = Duration.Max(arrival, meal.StartWindow.Earliest) + meal.Duration;
            }

            if (i == stops.Count)
            {
                return (null, arrival);
            }

            var stop = stops[i];
            var start = Duration.Max(arrival, stop.Window.Earliest);
            if (start > stop.Window.Latest)
            {
                return ($"route {routeNo}: {stop.What} starts at {start}, after {stop.Closes} at {stop.Window.Latest}", Duration.Zero);
            }

            time = start + stop.Service;
            at = node;
        }

        return (null, time);
    }

    private readonly record struct Stop(int Node, TimeWindow Window, Duration Service, string What, string Closes);

    private static string FacilityLabel(Problem problem, int index) =>
        problem.Facilities[index].Name.Length > 0 ? problem.Facilities[index].Name : index.ToString(CultureInfo.InvariantCulture);

    private static string DepotLabel(Problem problem, int index) =>
        problem.Depots[index].Name.Length > 0 ? problem.Depots[index].Name : index.ToString(CultureInfo.InvariantCulture);
}
