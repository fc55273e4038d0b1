namespace CitySort.Routing.Hgs;

/// <summary>
/// One solution of the genetic search: its giant tour (chromosome), its routes, its penalised cost and its place in
/// the population's diversity structure (Vidal 2022, section 3).
/// </summary>
internal sealed class HgsIndividual
{
    /// <summary>Creates an empty individual sized for <paramref name="data"/>.</summary>
    public HgsIndividual(HgsInstance data)
    {
        var n = data.ClientCount;
        Tour = new int[n];
        RouteClients = new int[n];
        RouteStart = new int[data.MaxRoutes + 1];
        Successor = new int[n + 1];
        Predecessor = new int[n + 1];
    }

    /// <summary>The giant tour: every client 1 … n once, routes concatenated without depots.</summary>
    public int[] Tour { get; }

    /// <summary>The clients route by route; route r is RouteClients[RouteStart[r] .. RouteStart[r + 1]).</summary>
    public int[] RouteClients { get; }

    /// <summary>Route boundaries into <see cref="RouteClients"/>; MaxRoutes + 1 entries.</summary>
    public int[] RouteStart { get; }

    /// <summary>The next client of each client in its route, 0 after the last.</summary>
    public int[] Successor { get; }

    /// <summary>The previous client of each client in its route, 0 before the first.</summary>
    public int[] Predecessor { get; }

    /// <summary>Distance plus penalties for excess load and time warp.</summary>
    public double PenalizedCost { get; set; }

    /// <summary>Total distance of the routes.</summary>
    public long Distance { get; private set; }

    /// <summary>Total load over capacity, summed over routes.</summary>
    public long ExcessLoad { get; private set; }

    /// <summary>Total time warp.</summary>
    public long TimeWarp { get; private set; }

    /// <summary>The number of non-empty routes.</summary>
    public int RouteCount { get; private set; }

    /// <summary>True when no load exceeds capacity and no time warp remains.</summary>
    public bool IsFeasible => ExcessLoad == 0 && TimeWarp == 0;

    /// <summary>Biased fitness within its subpopulation (lower is better).</summary>
    public double BiasedFitness { get; set; }

    /// <summary>Broken-pairs distances to the other members of its subpopulation, ascending.</summary>
    public List<(double Distance, HgsIndividual Other)> Proximity { get; } = [];

    /// <summary>Recomputes cost figures and successor links from <see cref="RouteClients"/>.</summary>
    public void Evaluate(HgsInstance data, double penaltyCapacity, double penaltyTimeWarp)
    {
        long distance = 0;
        long excess = 0;
        long warp = 0;
        var routes = 0;
        var end = data.EndNode;
        var stride = data.Stride;
        for (var r = 0; r < RouteStart.Length - 1; r++)
        {
            var from = RouteStart[r];
            var to = RouteStart[r + 1];
            if (from == to)
            {
                continue;
            }

            routes++;
            long load = 0;
            var prev = 0;
            var segment = TimeSegment.Of(data, 0);
            for (var k = from; k < to; k++)
            {
                var c = RouteClients[k];
                distance += data.Distance[(prev * stride) + c];
                load += data.Demand[c];
                Predecessor[c] = prev;
                if (prev != 0)
                {
                    Successor[prev] = c;
                }

                if (data.HasTimeWindows)
                {
                    segment = TimeSegment.Merge(data.TravelTime, stride, segment, TimeSegment.Of(data, c));
                }

                prev = c;
            }

            Successor[prev] = 0;
            distance += data.Distance[(prev * stride) + end];
            excess += Math.Max(0, load - data.Capacity);
            if (data.HasTimeWindows)
            {
                segment = TimeSegment.Merge(data.TravelTime, stride, segment, TimeSegment.Of(data, end));
                warp += segment.TimeWarp;
            }
        }

        Distance = distance;
        ExcessLoad = excess;
        TimeWarp = warp;
        RouteCount = routes;
        PenalizedCost = distance + (penaltyCapacity * excess) + (penaltyTimeWarp * warp);
    }

    /// <summary>Recomputes only the penalised cost for new penalty weights.</summary>
    public void Reprice(double penaltyCapacity, double penaltyTimeWarp) =>
        PenalizedCost = Distance + (penaltyCapacity * ExcessLoad) + (penaltyTimeWarp * TimeWarp);

    /// <summary>Copies the solution (not the diversity links) of <paramref name="other"/>.</summary>
    public void CopyFrom(HgsIndividual other)
    {
        Array.Copy(other.Tour, Tour, Tour.Length);
        Array.Copy(other.RouteClients, RouteClients, RouteClients.Length);
        Array.Copy(other.RouteStart, RouteStart, RouteStart.Length);
        Array.Copy(other.Successor, Successor, Successor.Length);
        Array.Copy(other.Predecessor, Predecessor, Predecessor.Length);
        PenalizedCost = other.PenalizedCost;
        Distance = other.Distance;
        ExcessLoad = other.ExcessLoad;
        TimeWarp = other.TimeWarp;
        RouteCount = other.RouteCount;
    }

    /// <summary>
    /// The broken-pairs distance (Prins 2009; Vidal 2022): the share of clients whose neighbours differ, counting
    /// reversed routes as equal.
    /// </summary>
    public double BrokenPairsDistance(HgsIndividual other)
    {
        var differences = 0;
        var n = Successor.Length - 1;
        ReadOnlySpan<int> succ = Successor;
        ReadOnlySpan<int> pred = Predecessor.AsSpan(0, succ.Length);
        ReadOnlySpan<int> otherSucc = other.Successor.AsSpan(0, succ.Length);
        ReadOnlySpan<int> otherPred = other.Predecessor.AsSpan(0, succ.Length);
        for (var j = 1; j < succ.Length; j++)
        {
            var s = succ[j];
            if (s != otherSucc[j] && s != otherPred[j])
            {
                differences++;
            }

            if (pred[j] == 0 && otherPred[j] != 0 && otherSucc[j] != 0)
            {
                differences++;
            }
        }

        return differences / (double)n;
    }

    /// <summary>The mean broken-pairs distance to the <paramref name="count"/> closest others.</summary>
    public double AverageDistanceClosest(int count)
    {
        var k = Math.Min(count, Proximity.Count);
        if (k == 0)
        {
            return 0;
        }

        double sum = 0;
        for (var i = 0; i < k; i++)
        {
            sum += Proximity[i].Distance;
        }

        return sum / k;
    }

    /// <summary>Inserts a distance link keeping <see cref="Proximity"/> sorted.</summary>
    public void AddProximity(double distance, HgsIndividual other)
    {
        var i = Proximity.Count;
        while (i > 0 && Proximity[i - 1].Distance > distance)
        {
            i--;
        }

        Proximity.Insert(i, (distance, other));
    }

    /// <summary>Removes the link to <paramref name="other"/>.</summary>
    public void RemoveProximity(HgsIndividual other)
    {
        for (var i = 0; i < Proximity.Count; i++)
        {
            if (ReferenceEquals(Proximity[i].Other, other))
            {
                Proximity.RemoveAt(i);
                return;
            }
        }
    }
}
