namespace CitySort.Routing.Hgs;

/// <summary>
/// The flat-array view of one single-depot routing problem that the hybrid genetic search works on.
/// Node 0 is the depot where every route starts, nodes 1 … n are the clients, node n + 1 is where every route ends
/// (the depot again for plain CVRP / VRPTW, or the unloading facility that closes a trip).
/// </summary>
internal sealed class HgsInstance
{
    /// <summary>Creates the view; arrays are used as given (not copied).</summary>
    /// <param name="clientCount">n, the number of clients.</param>
    /// <param name="distance">(n + 2)² arc lengths, row-major.</param>
    /// <param name="travelTime">(n + 2)² arc durations, row-major (may be the same array as <paramref name="distance"/>).</param>
    /// <param name="demand">n + 2 demands (0 at the depot and end nodes).</param>
    /// <param name="service">n + 2 service durations.</param>
    /// <param name="early">n + 2 earliest service starts.</param>
    /// <param name="late">n + 2 latest service starts.</param>
    /// <param name="capacity">The vehicle capacity per route.</param>
    /// <param name="maxRoutes">The most routes allowed.</param>
    /// <param name="x">n + 2 x coordinates.</param>
    /// <param name="y">n + 2 y coordinates.</param>
    /// <param name="hasTimeWindows">Whether time matters (otherwise time warp is never evaluated).</param>
    public HgsInstance(
        int clientCount,
        int[] distance,
        int[] travelTime,
        int[] demand,
        int[] service,
        long[] early,
        long[] late,
        int capacity,
        int maxRoutes,
        double[] x,
        double[] y,
        bool hasTimeWindows)
    {
        ClientCount = clientCount;
        Stride = clientCount + 2;
        Distance = distance;
        TravelTime = travelTime;
        Demand = demand;
        Service = service;
        Early = early;
        Late = late;
        Capacity = capacity;
        MaxRoutes = Math.Max(1, maxRoutes);
        X = x;
        Y = y;
        HasTimeWindows = hasTimeWindows;
        long total = 0;
        var maxDemand = 1;
        for (var i = 1; i <= clientCount; i++)
        {
            total += demand[i];
            maxDemand = Math.Max(maxDemand, demand[i]);
        }

        TotalDemand = total;
        MaxDemand = maxDemand;
        var maxDist = 1;
        foreach (var d in distance)
        {
            maxDist = Math.Max(maxDist, d);
        }

        MaxDistance = maxDist;
    }

    /// <summary>n, the number of clients.</summary>
    public int ClientCount { get; }

    /// <summary>n + 2, the row length of the matrices.</summary>
    public int Stride { get; }

    /// <summary>The end node n + 1.</summary>
    public int EndNode => ClientCount + 1;

    /// <summary>Arc lengths.</summary>
    public int[] Distance { get; }

    /// <summary>Arc durations.</summary>
    public int[] TravelTime { get; }

    /// <summary>Demands.</summary>
    public int[] Demand { get; }

    /// <summary>Service durations.</summary>
    public int[] Service { get; }

    /// <summary>Earliest service starts.</summary>
    public long[] Early { get; }

    /// <summary>Latest service starts.</summary>
    public long[] Late { get; }

    /// <summary>Capacity per route.</summary>
    public int Capacity { get; }

    /// <summary>The most routes a solution may use.</summary>
    public int MaxRoutes { get; }

    /// <summary>x coordinates.</summary>
    public double[] X { get; }

    /// <summary>y coordinates.</summary>
    public double[] Y { get; }

    /// <summary>True when time windows are evaluated.</summary>
    public bool HasTimeWindows { get; }

    /// <summary>The sum of all client demands.</summary>
    public long TotalDemand { get; }

    /// <summary>The largest client demand (at least 1).</summary>
    public int MaxDemand { get; }

    /// <summary>The longest arc (at least 1).</summary>
    public int MaxDistance { get; }

    /// <summary>The arc length from <paramref name="i"/> to <paramref name="j"/>.</summary>
    public int D(int i, int j) => Distance[(i * Stride) + j];
}
