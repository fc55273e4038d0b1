namespace CitySort.Routing.Hgs;

/// <summary>
/// Turns a <see cref="Problem"/> with one kind of vehicle into the flat <see cref="HgsInstance"/> the search works on,
/// and the search's routes back into a <see cref="Solution"/>. With unloading facilities each search route is one trip
/// that starts and ends at the chosen facility; trips are then sequenced onto vehicles (see <see cref="AssembleTrips"/>).
/// </summary>
internal sealed class HgsProblemAdapter
{
    private const long TimeCap = int.MaxValue / 4;

    private readonly Problem _problem;
    private readonly int _typeIndex;
    private readonly VehicleType _type;
    private readonly int _depotNode;
    private readonly int _facility;
    private readonly int[] _node;

    /// <summary>Builds the flat instance; throws <see cref="NotSupportedException"/> for features the search cannot model.</summary>
    public HgsProblemAdapter(Problem problem)
    {
        _problem = problem;
        _typeIndex = ChooseVehicleType(problem);
        _type = problem.VehicleTypes[_typeIndex];
        _depotNode = problem.DepotNode(_type.DepotIndex);
        var n = problem.Clients.Count;
        _facility = _type.UnloadingFacilities.Count > 0 ? ChooseFacility() : -1;
        var terminal = _facility >= 0 ? problem.FacilityNode(_facility) : _depotNode;
        _node = new int[n + 2];
        _node[0] = terminal;
        for (var i = 0; i < n; i++)
        {
            _node[i + 1] = problem.ClientNode(i);
        }

        _node[n + 1] = terminal;
        var size = n + 2;
        var dist = new int[size * size];
        var time = new int[size * size];
        var sameMatrices = true;
        for (var i = 0; i < size; i++)
        {
            var dRow = problem.DistanceRow(_node[i]);
            var tRow = problem.DurationRow(_node[i]);
            for (var j = 0; j < size; j++)
            {
                var d = dRow[_node[j]];
                var t = tRow[_node[j]];
                if (d < 0 || d > int.MaxValue / 8 || t < 0 || t > TimeCap)
                {
                    throw new NotSupportedException($"The arc from node {_node[i]} to node {_node[j]} is too long for the hybrid genetic search (distance {d}, duration {t}; at most {int.MaxValue / 8}).");
                }

                dist[(i * size) + j] = (int)d;
                time[(i * size) + j] = (int)t;
                sameMatrices &= d == t;
            }
        }

        var demand = new int[size];
        var service = new int[size];
        var early = new long[size];
        var late = new long[size];
        var x = new double[size];
        var y = new double[size];
        var shift = _type.ShiftWindow ?? problem.Depots[_type.DepotIndex].TimeWindow;
        var depot = problem.Depots[_type.DepotIndex];
        for (var i = 0; i < n; i++)
        {
            var c = problem.Clients[i];
            if (c.Demand.Value > int.MaxValue / 4 || c.ServiceDuration.Value > TimeCap)
            {
                throw new NotSupportedException($"Client {problem.ClientLabel(i)} has a demand or service duration too large for the hybrid genetic search.");
            }

            var w = c.TimeWindow ?? TimeWindow.Unbounded;
            demand[i + 1] = (int)c.Demand.Value;
            service[i + 1] = (int)c.ServiceDuration.Value;
            early[i + 1] = Math.Min(w.Earliest.Value, TimeCap);
            late[i + 1] = Math.Min(w.Latest.Value, TimeCap);
            x[i + 1] = c.X;
            y[i + 1] = c.Y;
        }

        early[0] = Math.Min(shift.Earliest.Value, TimeCap);
        late[0] = Math.Min(shift.Latest.Value, TimeCap);
        early[n + 1] = early[0];
        late[n + 1] = late[0];
        x[0] = x[n + 1] = depot.X;
        y[0] = y[n + 1] = depot.Y;
        if (_facility >= 0)
        {
            // A trip ends with unloading, late enough that the vehicle can still drive home within its shift.
            var f = problem.Facilities[_facility];
            var home = problem.TravelDuration(terminal, _depotNode).Value;
            service[n + 1] = (int)Math.Min(f.ServiceDuration.Value, TimeCap);
            early[n + 1] = Math.Min(Math.Max(f.TimeWindow.Earliest.Value, early[0]), TimeCap);
            late[n + 1] = Math.Min(Math.Min(f.TimeWindow.Latest.Value, shift.Latest.Value - home - f.ServiceDuration.Value), TimeCap);
        }

        var capacity = (int)Math.Min(_type.Capacity.Value, int.MaxValue / 4);
        var count = TotalCount(problem);
        var trips = _facility >= 0 ? (long)(_type.MaxTripsPerVehicle ?? int.MaxValue) : 1;
        long fleet = count == int.MaxValue || trips >= int.MaxValue ? long.MaxValue : count * trips;
        long totalDemand = 0;
        for (var i = 1; i <= n; i++)
        {
            totalDemand += demand[i];
        }

        long maxRoutes = problem.HasTimeWindows
            ? n
            : (long)Math.Ceiling(1.3 * totalDemand / Math.Max(1, capacity)) + 3;
        maxRoutes = Math.Max(1, Math.Min(Math.Min(maxRoutes, fleet), Math.Max(1, n)));
        Instance = new HgsInstance(n, dist, sameMatrices ? dist : time, demand, service, early, late, capacity, (int)maxRoutes, x, y, problem.HasTimeWindows);
    }

    /// <summary>The flat instance.</summary>
    public HgsInstance Instance { get; }

    /// <summary>Converts a search result to a solution of the problem.</summary>
    public Solution ToSolution(HgsIndividual best)
    {
        var trips = new List<int[]>();
        for (var r = 0; r < best.RouteStart.Length - 1; r++)
        {
            var from = best.RouteStart[r];
            var to = best.RouteStart[r + 1];
            if (to > from)
            {
                var clients = new int[to - from];
                for (var k = from; k < to; k++)
                {
                    clients[k - from] = best.RouteClients[k] - 1;
                }

                trips.Add(clients);
            }
        }

        if (_facility < 0)
        {
            return Solution.FromRoutes(_problem, AssignTypes(trips.Select(t => new List<Trip> { new(t) }).ToList()));
        }

        return Solution.FromRoutes(_problem, AssignTypes(AssembleTrips(trips)));
    }

    /// <summary>
    /// Sequences trips onto vehicles: trips are taken by their earliest feasible start and each goes to the vehicle
    /// that can take it and becomes free latest (best fit), a new vehicle being opened only when none can; every
    /// vehicle then drives home. Timing is simulated exactly as the checker does.
    /// </summary>
    private List<List<Trip>> AssembleTrips(List<int[]> trips)
    {
        var shift = _type.ShiftWindow ?? _problem.Depots[_type.DepotIndex].TimeWindow;
        var facilityNode = _problem.FacilityNode(_facility);
        var order = Enumerable.Range(0, trips.Count)
            .OrderBy(t => StartWindow(trips[t]).Late)
            .ThenBy(t => StartWindow(trips[t]).Early)
            .ThenBy(t => t)
            .ToList();
        var vehicles = new List<(List<Trip> Trips, long FreeAt)>();
        var count = TotalCount(_problem);
        var maxTrips = _type.MaxTripsPerVehicle ?? int.MaxValue;
        foreach (var t in order)
        {
            var best = -1;
            long bestEnd = 0;
            for (var v = 0; v < vehicles.Count; v++)
            {
                if (vehicles[v].Trips.Count >= maxTrips)
                {
                    continue;
                }

                var end = Simulate(trips[t], facilityNode, vehicles[v].FreeAt);
                if (end >= 0 && end + _problem.TravelDuration(facilityNode, _depotNode).Value <= shift.Latest.Value
                    && (best < 0 || vehicles[v].FreeAt > vehicles[best].FreeAt))
                {
                    best = v;
                    bestEnd = end;
                }
            }

            if (best < 0 && vehicles.Count < count)
            {
                var end = Simulate(trips[t], _depotNode, shift.Earliest.Value);
                vehicles.Add(([new Trip(trips[t], _facility)], end < 0 ? long.MaxValue / 4 : end));
                continue;
            }

            if (best < 0)
            {
                // No vehicle can take it in time: give it to the least loaded one; the checker will name the lateness.
                best = 0;
                for (var v = 1; v < vehicles.Count; v++)
                {
                    if (vehicles[v].FreeAt < vehicles[best].FreeAt)
                    {
                        best = v;
                    }
                }

                var end = Simulate(trips[t], facilityNode, vehicles[best].FreeAt);
                bestEnd = end < 0 ? long.MaxValue / 4 : end;
            }

            vehicles[best].Trips.Add(new Trip(trips[t], _facility));
            vehicles[best] = (vehicles[best].Trips, bestEnd);
        }

        var routes = vehicles.Select(v => v.Trips).ToList();
        foreach (var route in routes)
        {
            ChooseFacilities(route);
        }

        return routes;
    }

    /// <summary>
    /// Where several facilities accept the vehicle, lets each trip unload at the one that shortens the vehicle's
    /// route most while keeping its schedule (first improvement, repeated until nothing changes).
    /// </summary>
    private void ChooseFacilities(List<Trip> trips)
    {
        if (_type.UnloadingFacilities.Count < 2)
        {
            return;
        }

        var (ok, cost) = EvaluateVehicle(trips);
        var improved = true;
        while (improved)
        {
            improved = false;
            for (var t = 0; t < trips.Count; t++)
            {
                var original = trips[t];
                foreach (var f in _type.UnloadingFacilities)
                {
                    if (f == trips[t].FacilityIndex)
                    {
                        continue;
                    }

                    var previous = trips[t];
                    trips[t] = new Trip(original.Clients, f);
                    var (ok2, cost2) = EvaluateVehicle(trips);
                    if ((ok2 && !ok) || (ok2 == ok && cost2 < cost))
                    {
                        ok = ok2;
                        cost = cost2;
                        improved = true;
                    }
                    else
                    {
                        trips[t] = previous;
                    }
                }
            }
        }
    }

    /// <summary>Whether a vehicle's trips keep every window and the shift (as the checker times them), and their distance.</summary>
    private (bool Feasible, long Distance) EvaluateVehicle(List<Trip> trips)
    {
        var shift = _type.ShiftWindow ?? _problem.Depots[_type.DepotIndex].TimeWindow;
        var time = shift.Earliest.Value;
        var at = _depotNode;
        long distance = 0;
        var feasible = true;
        foreach (var trip in trips)
        {
            foreach (var c in trip.Clients)
            {
                var node = _problem.ClientNode(c);
                var w = _problem.Clients[c].TimeWindow ?? TimeWindow.Unbounded;
                distance += _problem.Distance(at, node).Value;
                var start = Math.Max(time + _problem.TravelDuration(at, node).Value, w.Earliest.Value);
                feasible &= start <= w.Latest.Value;
                time = start + _problem.Clients[c].ServiceDuration.Value;
                at = node;
            }

            var f = trip.FacilityIndex ?? _facility;
            var fNode = _problem.FacilityNode(f);
            var facility = _problem.Facilities[f];
            distance += _problem.Distance(at, fNode).Value;
            var unload = Math.Max(time + _problem.TravelDuration(at, fNode).Value, facility.TimeWindow.Earliest.Value);
            feasible &= unload <= facility.TimeWindow.Latest.Value;
            time = unload + facility.ServiceDuration.Value;
            at = fNode;
        }

        distance += _problem.Distance(at, _depotNode).Value;
        time += _problem.TravelDuration(at, _depotNode).Value;
        feasible &= time <= shift.Latest.Value;
        return (feasible, distance);
    }

    /// <summary>The time unloading ends when the trip leaves <paramref name="from"/> at <paramref name="departure"/>, or −1 when a window is missed.</summary>
    private long Simulate(int[] trip, int from, long departure)
    {
        var time = departure;
        var at = from;
        foreach (var c in trip)
        {
            var node = _problem.ClientNode(c);
            var client = _problem.Clients[c];
            var w = client.TimeWindow ?? TimeWindow.Unbounded;
            var start = Math.Max(time + _problem.TravelDuration(at, node).Value, w.Earliest.Value);
            if (start > w.Latest.Value)
            {
                return -1;
            }

            time = start + client.ServiceDuration.Value;
            at = node;
        }

        var f = _problem.Facilities[_facility];
        var fNode = _problem.FacilityNode(_facility);
        var unload = Math.Max(time + _problem.TravelDuration(at, fNode).Value, f.TimeWindow.Earliest.Value);
        return unload > f.TimeWindow.Latest.Value ? -1 : unload + f.ServiceDuration.Value;
    }

    /// <summary>The latest and earliest start of a trip from the facility without time warp (search model).</summary>
    private (long Late, long Early) StartWindow(int[] trip)
    {
        var data = Instance;
        var segment = TimeSegment.Of(data, 0);
        foreach (var c in trip)
        {
            segment = TimeSegment.Merge(data.TravelTime, data.Stride, segment, TimeSegment.Of(data, c + 1));
        }

        segment = TimeSegment.Merge(data.TravelTime, data.Stride, segment, TimeSegment.Of(data, data.EndNode));
        return (segment.Late, segment.Early);
    }

    /// <summary>Gives each route a vehicle type in index order, filling each type's count (all types are alike).</summary>
    private List<Route> AssignTypes(List<List<Trip>> routes)
    {
        var result = new List<Route>(routes.Count);
        var type = _typeIndex;
        var used = 0;
        foreach (var trips in routes)
        {
            while (used >= _problem.VehicleTypes[type].Count && type < _problem.VehicleTypes.Count - 1)
            {
                type++;
                used = 0;
            }

            result.Add(new Route(type, trips));
            used++;
        }

        return result;
    }

    private int ChooseFacility()
    {
        // The accepting facility closest on average to the clients and the depot.
        var best = _type.UnloadingFacilities[0];
        var bestScore = double.MaxValue;
        foreach (var f in _type.UnloadingFacilities)
        {
            var node = _problem.FacilityNode(f);
            double score = _problem.Distance(_depotNode, node).Value + _problem.Distance(node, _depotNode).Value;
            for (var i = 0; i < _problem.Clients.Count; i++)
            {
                var c = _problem.ClientNode(i);
                score += (_problem.Distance(c, node).Value + _problem.Distance(node, c).Value) / (double)Math.Max(1, _problem.Clients.Count);
            }

            if (score < bestScore)
            {
                bestScore = score;
                best = f;
            }
        }

        return best;
    }

    private static int ChooseVehicleType(Problem problem)
    {
        if (problem.VehicleTypes.Count == 0)
        {
            throw new NotSupportedException("The problem has no vehicle type.");
        }

        var first = problem.VehicleTypes[0];
        for (var t = 1; t < problem.VehicleTypes.Count; t++)
        {
            var other = problem.VehicleTypes[t];
            if (other.DepotIndex != first.DepotIndex || other.Capacity != first.Capacity
                || other.MaxTripsPerVehicle != first.MaxTripsPerVehicle || other.ShiftWindow != first.ShiftWindow
                || !other.UnloadingFacilities.SequenceEqual(first.UnloadingFacilities))
            {
                throw new NotSupportedException("The hybrid genetic search plans one kind of vehicle at a time: all vehicle types must share depot, capacity, shift, trips and unloading facilities. Solve each kind separately.");
            }
        }

        return 0;
    }

    private static int TotalCount(Problem problem)
    {
        long total = 0;
        foreach (var t in problem.VehicleTypes)
        {
            total += t.Count;
        }

        return (int)Math.Min(total, int.MaxValue);
    }
}
