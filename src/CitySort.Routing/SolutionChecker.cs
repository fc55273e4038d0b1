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
/// <see cref="VehicleType.MaxTripsPerVehicle"/> trips; each trip's load is within capacity; service starts within each
/// client's window (a vehicle leaves at the start of its shift and waits when early), unloading within each
/// facility's window, and the vehicle is back by the end of its shift; every client is served; no vehicle type uses
/// more vehicles than it has. Source: the DIMACS 2021 VRPTW rules and the multi-trip semantics of routing-api.
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

            var late = WalkRoute(problem, route, routeNo, out var routeDistance);
            cost += routeDistance;
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

        return new CheckResult(first is null, cost, first);
    }

    /// <summary>
    /// Walks the route leg by leg, adding up its distance from the problem's matrix and simulating it in time; returns
    /// the first lateness found, or null. The checker computes the distance here, on its own, rather than through
    /// <see cref="Solution.RouteDistance"/>, which the solvers use, so that an error there cannot hide itself.
    /// </summary>
    private static string? WalkRoute(Problem problem, Route route, int routeNo, out Distance distance)
    {
        distance = Distance.Zero;
        string? late = null;
        var type = problem.VehicleTypes[route.VehicleTypeIndex];
        var shift = type.ShiftWindow ?? problem.Depots[type.DepotIndex].TimeWindow;
        var depotNode = problem.DepotNode(type.DepotIndex);
        var at = depotNode;
        var time = shift.Earliest;
        foreach (var trip in route.Trips)
        {
            foreach (var c in trip.Clients)
            {
                var node = problem.ClientNode(c);
                var client = problem.Clients[c];
                var window = client.TimeWindow ?? TimeWindow.Unbounded;
                distance += problem.Distance(at, node);
                var arrival = time + problem.TravelDuration(at, node);
                var start = Duration.Max(arrival, window.Earliest);
                if (start > window.Latest)
                {
                    late ??= $"route {routeNo}: service at client {problem.ClientLabel(c)} starts at {start}, after its time window closes at {window.Latest}";
                }

                time = start + client.ServiceDuration;
                at = node;
            }

            if (trip.FacilityIndex is { } f)
            {
                var node = problem.FacilityNode(f);
                var facility = problem.Facilities[f];
                distance += problem.Distance(at, node);
                var arrival = time + problem.TravelDuration(at, node);
                var start = Duration.Max(arrival, facility.TimeWindow.Earliest);
                if (start > facility.TimeWindow.Latest)
                {
                    late ??= $"route {routeNo}: unloading at facility {FacilityLabel(problem, f)} starts at {start}, after it closes at {facility.TimeWindow.Latest}";
                }

                time = start + facility.ServiceDuration;
                at = node;
            }
            else if (at != depotNode)
            {
                distance += problem.Distance(at, depotNode);
                time += problem.TravelDuration(at, depotNode);
                at = depotNode;
            }
        }

        if (at != depotNode)
        {
            distance += problem.Distance(at, depotNode);
            time += problem.TravelDuration(at, depotNode);
        }

        return late ?? (time > shift.Latest
            ? $"route {routeNo} returns to depot {DepotLabel(problem, type.DepotIndex)} at {time}, after its shift ends at {shift.Latest}"
            : null);
    }

    private static string FacilityLabel(Problem problem, int index) =>
        problem.Facilities[index].Name.Length > 0 ? problem.Facilities[index].Name : index.ToString(CultureInfo.InvariantCulture);

    private static string DepotLabel(Problem problem, int index) =>
        problem.Depots[index].Name.Length > 0 ? problem.Depots[index].Name : index.ToString(CultureInfo.InvariantCulture);
}
