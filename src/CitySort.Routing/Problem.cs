namespace CitySort.Routing;

/// <summary>
/// An immutable, validated vehicle-routing problem: depots, clients, unloading facilities, vehicle types and full
/// N × N integer distance and travel-duration matrices (asymmetric allowed). Built only by
/// <see cref="ProblemBuilder"/>.
/// </summary>
/// <remarks>
/// Node numbering in the matrices: depots first (0 … D−1), then clients (D … D+C−1), then unloading facilities
/// (D+C … D+C+F−1); see <see cref="DepotNode"/>, <see cref="ClientNode"/>, <see cref="FacilityNode"/>.
/// Every client holds a time window (open windows are closed at <see cref="Horizon"/>); every vehicle type holds its
/// resolved <see cref="VehicleType.MaxTripsPerVehicle"/> and <see cref="VehicleType.ShiftWindow"/>.
/// </remarks>
public sealed class Problem
{
    private readonly long[] _distances;
    private readonly long[] _durations;

    internal Problem(
        string name,
        int costScale,
        Depot[] depots,
        Client[] clients,
        Facility[] facilities,
        VehicleType[] vehicleTypes,
        long[] distances,
        long[] durations)
    {
        Name = name;
        CostScale = costScale;
        Depots = depots;
        Clients = clients;
        Facilities = facilities;
        VehicleTypes = vehicleTypes;
        NodeCount = depots.Length + clients.Length + facilities.Length;
        _distances = distances;
        _durations = durations;
        Horizon = depots.Length == 0 ? TimeWindow.OpenEnd : depots.Max(d => d.TimeWindow.Latest);
        HasTimeWindows = clients.Any(c => c.TimeWindow!.Value != new TimeWindow(Duration.Zero, Horizon))
            || depots.Any(d => d.TimeWindow != TimeWindow.Unbounded)
            || facilities.Any(f => f.TimeWindow != TimeWindow.Unbounded)
            || vehicleTypes.Any(v => v.ShiftWindow!.Value != depots[v.DepotIndex].TimeWindow)
            || vehicleTypes.Any(v => v.Break is not null);
        HasDayLimits = vehicleTypes.Any(v => v.Break is not null || v.MaxLoadPerDay is not null || v.MaxClientsPerDay is not null);
        HasUnloadingFacilities = vehicleTypes.Any(v => v.UnloadingFacilities.Count > 0);
    }

    /// <summary>The instance name (e.g. "X-n101-k25", "C101"); may be empty.</summary>
    public string Name { get; }

    /// <summary>
    /// How many stored units make one unit of the source's cost: 1 for CVRPLIB, 10 for Solomon files under the DIMACS
    /// convention (a distance of 12.3 is stored as 123). Divide a cost by it to print it in the source's units.
    /// </summary>
    public int CostScale { get; }

    /// <summary>The depots (matrix nodes 0 … D−1).</summary>
    public IReadOnlyList<Depot> Depots { get; }

    /// <summary>The clients (matrix nodes D … D+C−1); each has a non-null <see cref="Client.TimeWindow"/>.</summary>
    public IReadOnlyList<Client> Clients { get; }

    /// <summary>The unloading facilities (matrix nodes D+C … D+C+F−1).</summary>
    public IReadOnlyList<Facility> Facilities { get; }

    /// <summary>The vehicle types, each with resolved <see cref="VehicleType.MaxTripsPerVehicle"/> and <see cref="VehicleType.ShiftWindow"/>.</summary>
    public IReadOnlyList<VehicleType> VehicleTypes { get; }

    /// <summary>The number of matrix nodes: depots + clients + facilities.</summary>
    public int NodeCount { get; }

    /// <summary>The latest depot return time over all depots: the end of the planning horizon.</summary>
    public Duration Horizon { get; }

    /// <summary>True when some client, depot, facility or shift window, or a break, actually constrains time (VRPTW).</summary>
    public bool HasTimeWindows { get; }

    /// <summary>
    /// True when some vehicle type has a rule over its whole day: a <see cref="VehicleType.Break"/>, a
    /// <see cref="VehicleType.MaxLoadPerDay"/> or a <see cref="VehicleType.MaxClientsPerDay"/>.
    /// </summary>
    public bool HasDayLimits { get; }

    /// <summary>True when some vehicle type has a <see cref="VehicleType.FixedCost"/> above zero.</summary>
    public bool HasFixedCosts => VehicleTypes.Any(v => v.FixedCost.Value > 0);

    /// <summary>True when some vehicle type unloads at facilities (multi-trip).</summary>
    public bool HasUnloadingFacilities { get; }

    /// <summary>The matrix node of depot <paramref name="depotIndex"/>.</summary>
    /// <param name="depotIndex">An index into <see cref="Depots"/>.</param>
    /// <returns>The node number.</returns>
    public int DepotNode(int depotIndex) => depotIndex;

    /// <summary>The matrix node of client <paramref name="clientIndex"/>.</summary>
    /// <param name="clientIndex">An index into <see cref="Clients"/>.</param>
    /// <returns>The node number, <c>D + clientIndex</c>.</returns>
    public int ClientNode(int clientIndex) => Depots.Count + clientIndex;

    /// <summary>The matrix node of facility <paramref name="facilityIndex"/>.</summary>
    /// <param name="facilityIndex">An index into <see cref="Facilities"/>.</param>
    /// <returns>The node number, <c>D + C + facilityIndex</c>.</returns>
    public int FacilityNode(int facilityIndex) => Depots.Count + Clients.Count + facilityIndex;

    /// <summary>The distance driven from node <paramref name="from"/> to node <paramref name="to"/>.</summary>
    /// <param name="from">A matrix node, 0 … <see cref="NodeCount"/>−1.</param>
    /// <param name="to">A matrix node, 0 … <see cref="NodeCount"/>−1.</param>
    /// <returns>The arc length.</returns>
    /// <exception cref="IndexOutOfRangeException">A node is out of range (a bug in the caller).</exception>
    public Distance Distance(int from, int to) => new(_distances[(from * NodeCount) + to]);

    /// <summary>The travel duration from node <paramref name="from"/> to node <paramref name="to"/> (service excluded).</summary>
    /// <param name="from">A matrix node, 0 … <see cref="NodeCount"/>−1.</param>
    /// <param name="to">A matrix node, 0 … <see cref="NodeCount"/>−1.</param>
    /// <returns>The arc duration.</returns>
    /// <exception cref="IndexOutOfRangeException">A node is out of range (a bug in the caller).</exception>
    public Duration TravelDuration(int from, int to) => new(_durations[(from * NodeCount) + to]);

    /// <summary>The row of raw distances leaving <paramref name="from"/>, indexed by destination node (for fast solvers).</summary>
    /// <param name="from">A matrix node.</param>
    /// <returns><see cref="NodeCount"/> arc lengths.</returns>
    public ReadOnlySpan<long> DistanceRow(int from) => _distances.AsSpan(from * NodeCount, NodeCount);

    /// <summary>The row of raw travel durations leaving <paramref name="from"/>, indexed by destination node.</summary>
    /// <param name="from">A matrix node.</param>
    /// <returns><see cref="NodeCount"/> arc durations.</returns>
    public ReadOnlySpan<long> DurationRow(int from) => _durations.AsSpan(from * NodeCount, NodeCount);

    /// <summary>How a client is named in messages: its <see cref="Client.Name"/>, or its index when unnamed.</summary>
    /// <param name="clientIndex">An index into <see cref="Clients"/>.</param>
    /// <returns>For example "17".</returns>
    public string ClientLabel(int clientIndex) =>
        clientIndex >= 0 && clientIndex < Clients.Count && Clients[clientIndex].Name.Length > 0
            ? Clients[clientIndex].Name
            : clientIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Formats a cost in the source's units, dividing by <see cref="CostScale"/>.</summary>
    /// <param name="cost">A cost in stored units.</param>
    /// <returns>For example "1637.7" for 16377 at scale 10, or "27591" at scale 1.</returns>
    public string FormatCost(Distance cost) => CostScale == 1
        ? cost.ToString()
        : (cost.Value / (decimal)CostScale).ToString("0.0###########", System.Globalization.CultureInfo.InvariantCulture);
}
