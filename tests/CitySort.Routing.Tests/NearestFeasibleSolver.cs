namespace CitySort.Routing.Tests;

/// <summary>
/// A plain constructive solver for tests: each vehicle of type 0 repeatedly drives to the nearest unserved client it
/// can still serve in time and within capacity (keeping a way back, through an accepted facility when it unloads),
/// unloads when nothing more fits, and goes home when nothing fits after unloading. Deterministic; ignores the stop.
/// </summary>
internal sealed class NearestFeasibleSolver : ISolver
{
    public string Name => "nearest";

    public Solution Solve(Problem problem, StopCriterion stop, int seed, SolverOptions? options, IProgress<SolverProgress>? progress, CancellationToken cancellationToken)
    {
        var type = problem.VehicleTypes[0];
        var shift = type.ShiftWindow!.Value;
        var depot = problem.DepotNode(type.DepotIndex);
        var unserved = new SortedSet<int>(Enumerable.Range(0, problem.Clients.Count));
        var routes = new List<Route>();
        while (unserved.Count > 0)
        {
            var trips = new List<Trip>();
            var current = new List<int>();
            var (position, clock, load) = (depot, shift.Earliest.Value, 0L);
            while (true)
            {
                var next = unserved
                    .Where(c => load + problem.Clients[c].Demand.Value <= type.Capacity.Value)
                    .Select(c => (Client: c, Done: Serve(problem, position, clock, c)))
                    .Where(x => x.Done is { } done && CloseTrip(problem, type, problem.ClientNode(x.Client), done) is not null)
                    .OrderBy(x => problem.Distance(position, problem.ClientNode(x.Client)).Value)
                    .ThenBy(x => x.Client)
                    .Select(x => (int?)x.Client)
                    .FirstOrDefault();
                if (next is { } c)
                {
                    clock = Serve(problem, position, clock, c)!.Value;
                    position = problem.ClientNode(c);
                    load += problem.Clients[c].Demand.Value;
                    current.Add(c);
                    unserved.Remove(c);
                    continue;
                }

                if (current.Count == 0)
                {
                    break;
                }

                var (facility, after) = CloseTrip(problem, type, position, clock)!.Value;
                trips.Add(new Trip(current, facility));
                current = [];
                if (facility is not { } f)
                {
                    break;
                }

                (position, clock, load) = (problem.FacilityNode(f), after, 0L);
            }

            if (trips.Count == 0)
            {
                throw new InvalidOperationException("A client cannot be served even by a fresh vehicle.");
            }

            routes.Add(new Route(0, trips));
        }

        return Solution.FromRoutes(problem, routes);
    }

    /// <summary>When service at client <paramref name="c"/> ends if driven to now, or null when its window is missed.</summary>
    private static long? Serve(Problem problem, int position, long clock, int c)
    {
        var window = problem.Clients[c].TimeWindow!.Value;
        var start = Math.Max(clock + problem.TravelDuration(position, problem.ClientNode(c)).Value, window.Earliest.Value);
        return start > window.Latest.Value ? null : start + problem.Clients[c].ServiceDuration.Value;
    }

    /// <summary>How the trip can end from here: the facility used (null: the depot) and the time unloading ends; null if no way back in time.</summary>
    private static (int? Facility, long After)? CloseTrip(Problem problem, VehicleType type, int position, long clock)
    {
        var depot = problem.DepotNode(type.DepotIndex);
        var shiftEnd = type.ShiftWindow!.Value.Latest.Value;
        if (type.UnloadingFacilities.Count == 0)
        {
            var back = clock + problem.TravelDuration(position, depot).Value;
            return back <= shiftEnd ? (null, back) : null;
        }

        foreach (var f in type.UnloadingFacilities)
        {
            var node = problem.FacilityNode(f);
            var facility = problem.Facilities[f];
            var start = Math.Max(clock + problem.TravelDuration(position, node).Value, facility.TimeWindow.Earliest.Value);
            var after = start + facility.ServiceDuration.Value;
            if (start <= facility.TimeWindow.Latest.Value && after + problem.TravelDuration(node, depot).Value <= shiftEnd)
            {
                return (f, after);
            }
        }

        return null;
    }
}
