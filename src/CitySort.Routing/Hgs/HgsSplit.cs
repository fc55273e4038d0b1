namespace CitySort.Routing.Hgs;

/// <summary>
/// Split: the optimal segmentation of a giant tour into routes for the current penalties (Prins 2004; Vidal 2016,
/// "Split algorithm in O(n) for the capacitated vehicle routing problem"). The Bellman form is used, bounded to
/// routes of at most 1.5 × capacity, with load and time-warp penalties, and a fleet-limited layered form when the
/// unlimited split uses more routes than allowed.
/// </summary>
internal sealed class HgsSplit
{
    private readonly HgsInstance _data;
    private readonly double[] _potential;
    private readonly int[] _pred;
    private double[] _layered = [];
    private int[] _layeredPred = [];

    /// <summary>Creates the splitter.</summary>
    public HgsSplit(HgsInstance data)
    {
        _data = data;
        _potential = new double[data.ClientCount + 1];
        _pred = new int[data.ClientCount + 1];
    }

    /// <summary>Fills the routes of <paramref name="indiv"/> from its tour and evaluates it.</summary>
    /// <param name="indiv">The individual whose <see cref="HgsIndividual.Tour"/> is split.</param>
    /// <param name="penaltyCapacity">Weight of one unit of excess load.</param>
    /// <param name="penaltyTimeWarp">Weight of one unit of time warp.</param>
    /// <param name="routeLimit">
    /// The most routes the result may use, or null for the instance's bound; values above that bound are capped to
    /// it. When the unlimited split uses more, the fleet-limited layered split runs with this many layers.
    /// </param>
    public void Run(HgsIndividual indiv, double penaltyCapacity, double penaltyTimeWarp, int? routeLimit = null)
    {
        var n = _data.ClientCount;
        var tour = indiv.Tour;
        Array.Fill(_potential, double.MaxValue);
        _potential[0] = 0;
        for (var i = 0; i < n; i++)
        {
            if (_potential[i] == double.MaxValue)
            {
                continue;
            }

            ScanFrom(tour, i, n, penaltyCapacity, penaltyTimeWarp, _potential[i], _potential, _pred, 0, false);
        }

        var routes = 0;
        for (var j = n; j > 0; j = _pred[j])
        {
            routes++;
        }

        var k = Math.Clamp(routeLimit ?? _data.MaxRoutes, 1, _data.MaxRoutes);
        if (routes <= k)
        {
            Fill(indiv, _pred, routes);
        }
        else
        {
            SplitLimited(indiv, penaltyCapacity, penaltyTimeWarp, k);
        }

        indiv.Evaluate(_data, penaltyCapacity, penaltyTimeWarp);
    }

    private void SplitLimited(HgsIndividual indiv, double penaltyCapacity, double penaltyTimeWarp, int k)
    {
        var n = _data.ClientCount;
        var size = (k + 1) * (n + 1);
        if (_layered.Length < size)
        {
            _layered = new double[size];
            _layeredPred = new int[size];
        }

        for (var pass = 0; pass < 2; pass++)
        {
            var unbounded = pass == 1;
            Array.Fill(_layered, double.MaxValue, 0, size);
            _layered[0] = 0;
            for (var layer = 0; layer < k; layer++)
            {
                for (var i = layer; i < n; i++)
                {
                    var p = _layered[(layer * (n + 1)) + i];
                    if (p == double.MaxValue)
                    {
                        continue;
                    }

                    ScanFrom(indiv.Tour, i, n, penaltyCapacity, penaltyTimeWarp, p, _layered, _layeredPred, (layer + 1) * (n + 1), unbounded);
                }
            }

            var best = -1;
            var bestCost = double.MaxValue;
            for (var layer = 1; layer <= k; layer++)
            {
                var c = _layered[(layer * (n + 1)) + n];
                if (c < bestCost)
                {
                    bestCost = c;
                    best = layer;
                }
            }

            if (best > 0)
            {
                // Walk back through the layers.
                var j = n;
                for (var layer = best; layer > 0; layer--)
                {
                    var i = _layeredPred[(layer * (n + 1)) + j];
                    _pred[j] = i;
                    j = i;
                }

                Fill(indiv, _pred, best);
                return;
            }
        }

        throw new InvalidOperationException("Split found no segmentation of the giant tour.");
    }

    private void ScanFrom(int[] tour, int i, int n, double penaltyCapacity, double penaltyTimeWarp, double start, double[] potential, int[] pred, int offset, bool unbounded)
    {
        var data = _data;
        var stride = data.Stride;
        var dist = data.Distance;
        var end = data.EndNode;
        var cap = data.Capacity;
        var loadLimit = unbounded ? long.MaxValue : (long)(1.5 * cap) + data.MaxDemand;
        long load = 0;
        long distance = 0;
        var prev = 0;
        var segment = TimeSegment.Of(data, 0);
        var tw = data.HasTimeWindows;
        for (var j = i + 1; j <= n; j++)
        {
            var c = tour[j - 1];
            load += data.Demand[c];
            distance += dist[(prev * stride) + c];
            double cost = distance + dist[(c * stride) + end];
            if (load > cap)
            {
                cost += penaltyCapacity * (load - cap);
            }

            if (tw)
            {
                segment = TimeSegment.Merge(data.TravelTime, stride, segment, TimeSegment.Of(data, c));
                var closed = TimeSegment.Merge(data.TravelTime, stride, segment, TimeSegment.Of(data, end));
                cost += penaltyTimeWarp * closed.TimeWarp;
            }

            var total = start + cost;
            if (total < potential[offset + j])
            {
                potential[offset + j] = total;
                pred[offset + j] = i;
            }

            prev = c;
            if (load > loadLimit && j > i + 1)
            {
                break;
            }
        }
    }

    private void Fill(HgsIndividual indiv, int[] pred, int routes)
    {
        var n = _data.ClientCount;
        var starts = indiv.RouteStart;

        // Route boundaries, last route first.
        var r = routes;
        starts[r] = n;
        for (var j = n; j > 0; j = pred[j])
        {
            r--;
            starts[r] = pred[j];
        }

        for (var q = routes + 1; q < starts.Length; q++)
        {
            starts[q] = n;
        }

        Array.Copy(indiv.Tour, indiv.RouteClients, n);
    }
}
