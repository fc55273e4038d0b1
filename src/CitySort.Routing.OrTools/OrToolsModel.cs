namespace CitySort.Routing.OrTools;

/// <summary>
/// The problem laid out for OR-Tools: nodes (depots, clients, then copies of unloading facilities), vehicles (one per
/// usable vehicle of each type) and the matrices and vectors the routing model registers.
/// </summary>
internal sealed class OrToolsModel
{
    private readonly Problem _problem;
    private readonly int[] _problemNode;
    private readonly int[] _copyFacility;
    private readonly int[] _vehicleType;

    public OrToolsModel(Problem problem, bool generousFleet)
    {
        _problem = problem;
        var depots = problem.Depots.Count;
        var clients = problem.Clients.Count;
        var totalDemand = problem.Clients.Sum(c => c.Demand.Value);

        // Vehicles per type: the stated count, capped at one per client; an unlimited type gets a bound from demand.
        var vehicleTypes = new List<int>();
        var perType = new int[problem.VehicleTypes.Count];
        for (var t = 0; t < problem.VehicleTypes.Count; t++)
        {
            var type = problem.VehicleTypes[t];
            var lowerBound = Math.Max(1, (int)Math.Min(clients, (totalDemand + type.Capacity.Value - 1) / type.Capacity.Value));
            var bound = generousFleet || problem.HasTimeWindows ? clients : (int)Math.Ceiling(1.5 * lowerBound) + 3;
            if (!generousFleet && type.MaxLoadPerDay is { } dayLoad)
            {
                // A day limit bounds the vehicles a day's demand needs: twice that many, plus three, leaves the search room.
                var days = (totalDemand + dayLoad.Value - 1) / dayLoad.Value;
                bound = (int)Math.Min(bound, (2 * days) + 3);
            }

            perType[t] = Math.Min(Math.Min(type.Count, clients), bound);
            vehicleTypes.AddRange(Enumerable.Repeat(t, perType[t]));
        }

        _vehicleType = [.. vehicleTypes];
        VehicleCount = _vehicleType.Length;

        // Copies of each facility: enough for every trip the vehicles that accept it may need.
        var copies = new List<int>();
        for (var f = 0; f < problem.Facilities.Count; f++)
        {
            long needed = 0;
            for (var t = 0; t < problem.VehicleTypes.Count; t++)
            {
                var type = problem.VehicleTypes[t];
                if (type.UnloadingFacilities.Contains(f))
                {
                    var trips = ((totalDemand + type.Capacity.Value - 1) / type.Capacity.Value) + perType[t] + 1;
                    needed += Math.Min(trips, (long)perType[t] * (type.MaxTripsPerVehicle ?? 1));
                }
            }

            copies.AddRange(Enumerable.Repeat(f, (int)Math.Min(needed, 10L * (clients + 1))));
        }

        _copyFacility = [.. copies];
        FacilityCopyCount = _copyFacility.Length;
        FirstCopyNode = depots + clients;
        NodeCount = FirstCopyNode + FacilityCopyCount;

        _problemNode = new int[NodeCount];
        for (var n = 0; n < FirstCopyNode; n++)
        {
            _problemNode[n] = n;
        }

        for (var k = 0; k < FacilityCopyCount; k++)
        {
            _problemNode[FirstCopyNode + k] = problem.FacilityNode(_copyFacility[k]);
        }

        var maxCapacity = problem.VehicleTypes.Max(v => v.Capacity.Value);
        Distances = new long[NodeCount][];
        TimeTransits = new long[NodeCount][];
        LoadTransits = new long[NodeCount];
        TripTransits = new long[NodeCount];
        NodeWindows = new TimeWindow?[NodeCount];
        long maxArc = 0;
        for (var i = 0; i < NodeCount; i++)
        {
            var pi = _problemNode[i];
            var service = ServiceAt(i);
            Distances[i] = new long[NodeCount];
            TimeTransits[i] = new long[NodeCount];
            for (var j = 0; j < NodeCount; j++)
            {
                var pj = _problemNode[j];
                var d = pi == pj ? 0 : problem.Distance(pi, pj).Value;
                Distances[i][j] = d;
                maxArc = Math.Max(maxArc, d);
                TimeTransits[i][j] = service + (pi == pj ? 0 : problem.TravelDuration(pi, pj).Value);
            }

            if (i >= depots && i < FirstCopyNode)
            {
                LoadTransits[i] = problem.Clients[i - depots].Demand.Value;
                NodeWindows[i] = problem.Clients[i - depots].TimeWindow;
            }
            else if (i >= FirstCopyNode)
            {
                LoadTransits[i] = -maxCapacity;
                TripTransits[i] = 1;
                NodeWindows[i] = problem.Facilities[_copyFacility[i - FirstCopyNode]].TimeWindow;
            }
        }

        DropPenalty = (maxArc * 10) + 1000;
        Starts = new int[VehicleCount];
        Ends = new int[VehicleCount];
        VehicleCapacities = new long[VehicleCount];
        VehicleMaxTrips = new long[VehicleCount];
        VehicleShifts = new TimeWindow[VehicleCount];
        VehicleUnloads = new bool[VehicleCount];
        VehicleDayLoads = new long[VehicleCount];
        VehicleDayClients = new long[VehicleCount];
        VehicleBreaks = new VehicleBreak?[VehicleCount];
        VehicleFixedCosts = new long[VehicleCount];
        DayLoadTransits = new long[NodeCount];
        DayClientTransits = new long[NodeCount];
        VisitTransits = new long[NodeCount];
        for (var n = 0; n < NodeCount; n++)
        {
            VisitTransits[n] = ServiceAt(n);
            if (n >= depots && n < FirstCopyNode)
            {
                DayLoadTransits[n] = problem.Clients[n - depots].Demand.Value;
                DayClientTransits[n] = 1;
            }
        }

        for (var v = 0; v < VehicleCount; v++)
        {
            var type = problem.VehicleTypes[_vehicleType[v]];
            VehicleDayLoads[v] = Math.Min(type.MaxLoadPerDay?.Value ?? totalDemand, totalDemand);
            VehicleDayClients[v] = Math.Min(type.MaxClientsPerDay ?? clients, clients);
            VehicleBreaks[v] = type.Break;
            VehicleFixedCosts[v] = type.FixedCost.Value;
            Starts[v] = Ends[v] = problem.DepotNode(type.DepotIndex);
            VehicleCapacities[v] = type.Capacity.Value;
            VehicleUnloads[v] = type.UnloadingFacilities.Count > 0;
            VehicleMaxTrips[v] = VehicleUnloads[v] ? Math.Min(type.MaxTripsPerVehicle ?? 1, FacilityCopyCount) : 0;
            VehicleShifts[v] = type.ShiftWindow ?? problem.Depots[type.DepotIndex].TimeWindow;
        }
    }

    public int NodeCount { get; }

    public int VehicleCount { get; }

    public int FacilityCopyCount { get; }

    public int FirstCopyNode { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    public long[][] Distances { get; }

    public long[][] TimeTransits { get; }

    public long[] LoadTransits { get; }

    public long[] TripTransits { get; }

    public TimeWindow?[] NodeWindows { get; }

    public long[] VehicleCapacities { get; }

    public long[] VehicleMaxTrips { get; }

    public TimeWindow[] VehicleShifts { get; }

    public bool[] VehicleUnloads { get; }

    /// <summary>Per vehicle: the most it may collect in its day (the total demand when unlimited).</summary>
    public long[] VehicleDayLoads { get; }

    /// <summary>Per vehicle: the most clients it may serve in its day (the client count when unlimited).</summary>
    public long[] VehicleDayClients { get; }

    /// <summary>Per vehicle: its type's break, or null.</summary>
    public VehicleBreak?[] VehicleBreaks { get; }

    /// <summary>Per vehicle: its type's fixed cost.</summary>
    public long[] VehicleFixedCosts { get; }

    /// <summary>Per node: the demand a client adds to the day's load (zero at depots and facility copies).</summary>
    public long[] DayLoadTransits { get; }

    /// <summary>Per node: 1 at a client, 0 elsewhere.</summary>
    public long[] DayClientTransits { get; }

    /// <summary>Per node: the service or unloading duration, during which no break may be taken.</summary>
    public long[] VisitTransits { get; }

    public long DropPenalty { get; }

    public bool IsDepotNode(int node) => node < _problem.Depots.Count;

    public int ClientNode(int clientIndex) => _problem.Depots.Count + clientIndex;

    /// <summary>The vehicles whose type may unload at the facility a copy node stands for.</summary>
    public long[] VehiclesAcceptedAt(int copyNode)
    {
        var facility = _copyFacility[copyNode - FirstCopyNode];
        return Enumerable.Range(0, VehicleCount)
            .Where(v => _problem.VehicleTypes[_vehicleType[v]].UnloadingFacilities.Contains(facility))
            .Select(v => (long)v)
            .ToArray();
    }

    /// <summary>Turns the visited nodes of vehicle <paramref name="vehicle"/> into a route; null when it serves no client.</summary>
    public Route? ToRoute(int vehicle, List<int> nodes)
    {
        var typeIndex = _vehicleType[vehicle];
        var type = _problem.VehicleTypes[typeIndex];
        var trips = new List<Trip>();
        var current = new List<int>();
        foreach (var node in nodes)
        {
            if (node >= FirstCopyNode)
            {
                if (current.Count > 0)
                {
                    trips.Add(new Trip(current, _copyFacility[node - FirstCopyNode]));
                    current = [];
                }
            }
            else if (node >= _problem.Depots.Count)
            {
                current.Add(node - _problem.Depots.Count);
            }
        }

        if (current.Count > 0)
        {
            // Only clients without demand can follow the last unload; they are closed by the nearest accepted facility.
            int? facility = type.UnloadingFacilities.Count == 0
                ? null
                : type.UnloadingFacilities.MinBy(f => _problem.Distance(_problem.ClientNode(current[^1]), _problem.FacilityNode(f)).Value);
            trips.Add(new Trip(current, facility));
        }

        return trips.Count == 0 ? null : new Route(typeIndex, trips);
    }

    private long ServiceAt(int node)
    {
        if (node < _problem.Depots.Count)
        {
            return 0;
        }

        return node < FirstCopyNode
            ? _problem.Clients[node - _problem.Depots.Count].ServiceDuration.Value
            : _problem.Facilities[_copyFacility[node - FirstCopyNode]].ServiceDuration.Value;
    }
}
