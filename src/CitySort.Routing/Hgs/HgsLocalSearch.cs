namespace CitySort.Routing.Hgs;

/// <summary>
/// Granular local search of the hybrid genetic search (Vidal 2022, section 4): RELOCATE, SWAP, 2-OPT and 2-OPT*
/// moves between each client and its Gamma correlated clients, and SWAP* between routes whose polar sectors
/// overlap. Route data (cumulative loads and distances, positions, time-window segments) are kept per node and
/// updated after each applied move, so that every move is evaluated in O(1) (intra-route moves with time windows
/// walk the changed part only).
/// </summary>
internal sealed class HgsLocalSearch
{
    private const double Epsilon = 1e-5;

    private readonly HgsInstance _data;
    private readonly HgsRandom _random;
    private readonly int[][] _neighbours;
    private readonly Node[] _clients;
    private readonly Route[] _routes;
    private readonly int[] _orderNodes;
    private readonly int[] _orderRoutes;
    private readonly int[] _dist;
    private readonly int[] _demand;
    private readonly long _capacity;
    private readonly int[] _time;
    private readonly int _stride;
    private readonly int _end;
    private readonly bool _tw;
    private readonly bool _symmetric;
    private readonly TimeSegment[] _nodeSegment;
    private readonly Node[] _bufferA;
    private readonly Node[] _bufferB;
    private readonly double[] _bestInsertCost;
    private readonly Node?[] _bestInsertNode;
    private readonly int[] _bestInsertWhen;
    private readonly int[] _polarAngle;
    private readonly (double Angle, int Route)[] _routeAngles;
    private readonly Node[] _pairNodes;
    private readonly int[] _pairDemand;
    private readonly double[] _pairRemoval;
    private readonly Node[] _insertNodes;
    private readonly int[] _insertFrom;
    private readonly int[] _insertTo;
    private readonly int[] _insertEdge;

    private double _penaltyCapacity;
    private double _penaltyTimeWarp;
    private int _moveCount;
    private bool _searchCompleted;
    private bool _useSwapStar;

    /// <summary>Creates the local search with its granular neighbour lists.</summary>
    public HgsLocalSearch(HgsInstance data, HgsRandom random, int[][] neighbours, bool useSwapStar)
    {
        _data = data;
        _random = random;
        _neighbours = neighbours;
        _dist = data.Distance;
        _demand = data.Demand;
        _capacity = data.Capacity;
        _time = data.TravelTime;
        _stride = data.Stride;
        _end = data.EndNode;
        _tw = data.HasTimeWindows;
        _useSwapStar = useSwapStar;
        _symmetric = IsSymmetric(data);
        var n = data.ClientCount;
        _clients = new Node[n + 1];
        for (var i = 0; i <= n; i++)
        {
            _clients[i] = new Node { Client = i };
        }

        _routes = new Route[data.MaxRoutes];
        for (var r = 0; r < _routes.Length; r++)
        {
            var start = new Node { Client = 0, IsDepot = true };
            var finish = new Node { Client = _end, IsDepot = true };
            _routes[r] = new Route { Index = r, Depot = start, DepotEnd = finish };
            start.Route = _routes[r];
            finish.Route = _routes[r];
        }

        _orderNodes = new int[n];
        for (var i = 0; i < n; i++)
        {
            _orderNodes[i] = i + 1;
        }

        _orderRoutes = new int[_routes.Length];
        for (var r = 0; r < _routes.Length; r++)
        {
            _orderRoutes[r] = r;
        }

        _nodeSegment = new TimeSegment[n + 2];
        for (var i = 0; i < n + 2; i++)
        {
            _nodeSegment[i] = TimeSegment.Of(data, i);
        }

        _bufferA = new Node[n + 2];
        _bufferB = new Node[n + 2];
        if (_useSwapStar)
        {
            _bestInsertCost = new double[_routes.Length * (n + 1) * 3];
            _bestInsertNode = new Node?[_routes.Length * (n + 1) * 3];
            _bestInsertWhen = new int[_routes.Length * (n + 1)];
        }
        else
        {
            _bestInsertCost = [];
            _bestInsertNode = [];
            _bestInsertWhen = [];
        }

        _polarAngle = new int[n + 2];
        for (var i = 0; i <= n; i++)
        {
            _polarAngle[i] = CircleSector.PositiveMod((int)(32768.0 * Math.Atan2(data.Y[i] - data.Y[0], data.X[i] - data.X[0]) / Math.PI));
        }

        _routeAngles = new (double, int)[_routes.Length];
        _pairNodes = new Node[n + 2];
        _pairDemand = new int[n + 2];
        _pairRemoval = new double[n + 2];
        _insertNodes = new Node[n + 2];
        _insertFrom = new int[n + 2];
        _insertTo = new int[n + 2];
        _insertEdge = new int[n + 2];
    }

    private static bool IsSymmetric(HgsInstance data)
    {
        var n = data.Stride;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (data.Distance[(i * n) + j] != data.Distance[(j * n) + i])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The number of moves applied so far (a work counter for measurements).</summary>
    public long MovesApplied { get; private set; }

    /// <summary>Improves <paramref name="indiv"/> in place under the given penalty weights and re-evaluates it.</summary>
    public void Run(HgsIndividual indiv, double penaltyCapacity, double penaltyTimeWarp)
    {
        _penaltyCapacity = penaltyCapacity;
        _penaltyTimeWarp = penaltyTimeWarp;
        Load(indiv);
        _random.Shuffle(_orderNodes);
        _random.Shuffle(_orderRoutes);
        for (var i = 1; i < _neighbours.Length; i++)
        {
            if (_random.Next(Math.Max(1, _neighbours[i].Length)) == 0)
            {
                _random.Shuffle(_neighbours[i]);
            }
        }

        _searchCompleted = false;
        for (var loop = 0; !_searchCompleted; loop++)
        {
            if (loop > 1)
            {
                _searchCompleted = true;
            }

            for (var posU = 0; posU < _orderNodes.Length; posU++)
            {
                var u = _clients[_orderNodes[posU]];
                var lastTested = u.WhenLastTestedRI;
                u.WhenLastTestedRI = _moveCount;
                var list = _neighbours[u.Client];
                for (var k = 0; k < list.Length; k++)
                {
                    var v = _clients[list[k]];
                    if (loop == 0 || Math.Max(u.Route!.WhenLastModified, v.Route!.WhenLastModified) > lastTested)
                    {
                        if (TryMoves(u, v))
                        {
                            continue;
                        }

                        if (v.Prev!.IsDepot && TryDepotMoves(u, v.Prev))
                        {
                            continue;
                        }
                    }
                }

                if (loop > 0)
                {
                    var empty = FirstEmptyRoute();
                    if (empty is not null)
                    {
                        var v = empty.Depot;
                        if (Relocate(u, v) || RelocatePair(u, v, false) || RelocatePair(u, v, true) || TwoOptStar(u, v))
                        {
                            continue;
                        }
                    }
                }
            }

            if (_useSwapStar)
            {
                for (var ru = 0; ru < _routes.Length; ru++)
                {
                    var routeU = _routes[_orderRoutes[ru]];
                    var lastTested = routeU.WhenLastTestedSwapStar;
                    routeU.WhenLastTestedSwapStar = _moveCount;
                    for (var rv = 0; rv < _routes.Length; rv++)
                    {
                        var routeV = _routes[_orderRoutes[rv]];
                        if (routeU.CustomerCount > 0 && routeV.CustomerCount > 0 && routeU.Index < routeV.Index
                            && (loop == 0 || Math.Max(routeU.WhenLastModified, routeV.WhenLastModified) > lastTested)
                            && CircleSector.Overlap(routeU.Sector, routeV.Sector))
                        {
                            SwapStar(routeU, routeV);
                        }
                    }
                }
            }
        }

        Export(indiv);
    }

    private bool TryMoves(Node u, Node v)
    {
        var same = u.Route == v.Route;
        if (Relocate(u, v) || RelocatePair(u, v, false) || RelocatePair(u, v, true))
        {
            return true;
        }

        if (u.Client <= v.Client && Swap(u, v))
        {
            return true;
        }

        if (SwapPairWithOne(u, v))
        {
            return true;
        }

        if (u.Client <= v.Client && SwapPairs(u, v))
        {
            return true;
        }

        if (same)
        {
            return TwoOpt(u, v);
        }

        return TwoOptStarReversed(u, v) || TwoOptStar(u, v);
    }

    private bool TryDepotMoves(Node u, Node depot)
    {
        if (Relocate(u, depot) || RelocatePair(u, depot, false) || RelocatePair(u, depot, true))
        {
            return true;
        }

        return u.Route != depot.Route && (TwoOptStarReversed(u, depot) || TwoOptStar(u, depot));
    }

    private Route? FirstEmptyRoute()
    {
        for (var r = 0; r < _routes.Length; r++)
        {
            if (_routes[r].CustomerCount == 0)
            {
                return _routes[r];
            }
        }

        return null;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int D(int i, int j) =>
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_dist), (i * _stride) + j);

    /// <summary>The arc <paramref name="from"/> → <paramref name="to"/>, read from the row of <paramref name="to"/> when the matrix is symmetric (that row is hot while <paramref name="to"/> is the client under study).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Into(int from, int to) => _symmetric ? D(to, from) : D(from, to);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double PenaltyLoad(long load) => load > _capacity ? (load - _capacity) * _penaltyCapacity : 0;

    private TimeSegment Merge(in TimeSegment a, in TimeSegment b) => TimeSegment.Merge(_time, _stride, a, b);

    private TimeSegment Merge(in TimeSegment a, in TimeSegment b, in TimeSegment c) =>
        TimeSegment.Merge(_time, _stride, TimeSegment.Merge(_time, _stride, a, b), c);

    private TimeSegment Seg(Node n) => _nodeSegment[n.Client];

    /// <summary>The segment from <paramref name="a"/> to <paramref name="b"/> (a before or equal to b, same route).</summary>
    private TimeSegment Range(Node a, Node b)
    {
        var s = _nodeSegment[a.Client];
        var x = a;
        while (x != b)
        {
            x = x.Next!;
            s = Merge(s, _nodeSegment[x.Client]);
        }

        return s;
    }

    /// <summary>Penalised change of a route whose new time-warp data is <paramref name="segment"/> and new load <paramref name="load"/>.</summary>
    private double NewPenalty(Route r, long load, in TimeSegment segment) =>
        PenaltyLoad(load) + (_penaltyTimeWarp * segment.TimeWarp) - r.Penalty;

    // RELOCATE: U after V.
    private bool Relocate(Node u, Node v)
    {
        var x = u.Next!;
        var y = v.Next!;
        if (u == y || v == u)
        {
            return false;
        }

        var pu = u.Prev!.Client;
        var cu = u.Client;
        double costU = D(pu, x.Client) - u.DistIn - u.DistOut;
        double costV = Into(v.Client, cu) + D(cu, y.Client) - v.DistOut;
        var routeU = u.Route!;
        var routeV = v.Route!;
        if (routeU != routeV)
        {
            if (costU + costV >= routeU.Penalty + routeV.Penalty)
            {
                return false;
            }

            var demand = _demand[cu];
            if (_tw)
            {
                costU += NewPenalty(routeU, routeU.Load - demand, Merge(u.Prev!.Before, x.After));
                costV += NewPenalty(routeV, routeV.Load + demand, Merge(v.Before, Seg(u), y.After));
            }
            else
            {
                costU += PenaltyLoad(routeU.Load - demand) - routeU.Penalty;
                costV += PenaltyLoad(routeV.Load + demand) - routeV.Penalty;
            }
        }
        else if (_tw)
        {
            if (costU + costV >= routeU.Penalty)
            {
                return false;
            }

            TimeSegment s;
            if (u.Position < v.Position)
            {
                s = Merge(Merge(u.Prev!.Before, Range(x, v)), Seg(u), y.After);
            }
            else
            {
                s = Merge(Merge(v.Before, Seg(u)), Range(y, u.Prev!), x.After);
            }

            costU += NewPenalty(routeU, routeU.Load, s);
        }

        if (costU + costV > -Epsilon)
        {
            return false;
        }

        InsertAfter(u, v);
        Applied(routeU, routeV);
        return true;
    }

    // RELOCATE of the pair (U, X) after V; reversed: (X, U) after V.
    private bool RelocatePair(Node u, Node v, bool reversed)
    {
        var x = u.Next!;
        var y = v.Next!;
        if (x.IsDepot || u == y || v == x || v == u)
        {
            return false;
        }

        var xn = x.Next!;
        var pu = u.Prev!.Client;
        var cu = u.Client;
        var cx = x.Client;
        double costU = D(pu, xn.Client) - u.DistIn - x.DistOut;
        double costV;
        if (reversed)
        {
            costU -= u.DistOut;
            costV = D(v.Client, cx) + D(cx, cu) + D(cu, y.Client) - D(v.Client, y.Client);
        }
        else
        {
            costV = Into(v.Client, cu) + D(cx, y.Client) - D(v.Client, y.Client);
        }

        var routeU = u.Route!;
        var routeV = v.Route!;
        if (routeU != routeV)
        {
            if (costU + costV >= routeU.Penalty + routeV.Penalty)
            {
                return false;
            }

            var demand = _demand[cu] + _demand[cx];
            if (_tw)
            {
                var pair = reversed ? Merge(Seg(x), Seg(u)) : Merge(Seg(u), Seg(x));
                costU += NewPenalty(routeU, routeU.Load - demand, Merge(u.Prev!.Before, xn.After));
                costV += NewPenalty(routeV, routeV.Load + demand, Merge(v.Before, pair, y.After));
            }
            else
            {
                costU += PenaltyLoad(routeU.Load - demand) - routeU.Penalty;
                costV += PenaltyLoad(routeV.Load + demand) - routeV.Penalty;
            }
        }
        else if (_tw)
        {
            if (costU + costV >= routeU.Penalty)
            {
                return false;
            }

            var pair = reversed ? Merge(Seg(x), Seg(u)) : Merge(Seg(u), Seg(x));
            TimeSegment s;
            if (u.Position < v.Position)
            {
                s = Merge(Merge(u.Prev!.Before, Range(xn, v)), pair, y.After);
            }
            else
            {
                s = Merge(Merge(v.Before, pair), Range(y, u.Prev!), xn.After);
            }

            costU += NewPenalty(routeU, routeU.Load, s);
        }

        if (costU + costV > -Epsilon)
        {
            return false;
        }

        if (reversed)
        {
            InsertAfter(x, v);
            InsertAfter(u, x);
        }
        else
        {
            InsertAfter(u, v);
            InsertAfter(x, u);
        }

        Applied(routeU, routeV);
        return true;
    }

    // SWAP U and V.
    private bool Swap(Node u, Node v)
    {
        var x = u.Next!;
        var y = v.Next!;
        var pv = v.Prev!;
        if (u == pv || u == y || v.IsDepot)
        {
            return false;
        }

        var pu = u.Prev!;
        var cu = u.Client;
        var cv = v.Client;
        double costU = D(pu.Client, cv) + D(cv, x.Client) - u.DistIn - u.DistOut;
        double costV = Into(pv.Client, cu) + D(cu, y.Client) - v.DistIn - v.DistOut;
        var routeU = u.Route!;
        var routeV = v.Route!;
        if (routeU != routeV)
        {
            if (costU + costV >= routeU.Penalty + routeV.Penalty)
            {
                return false;
            }

            var delta = _demand[cv] - _demand[cu];
            if (_tw)
            {
                costU += NewPenalty(routeU, routeU.Load + delta, Merge(pu.Before, Seg(v), x.After));
                costV += NewPenalty(routeV, routeV.Load - delta, Merge(pv.Before, Seg(u), y.After));
            }
            else
            {
                costU += PenaltyLoad(routeU.Load + delta) - routeU.Penalty;
                costV += PenaltyLoad(routeV.Load - delta) - routeV.Penalty;
            }
        }
        else if (_tw)
        {
            if (costU + costV >= routeU.Penalty)
            {
                return false;
            }

            TimeSegment s = u.Position < v.Position
                ? Merge(Merge(Merge(pu.Before, Seg(v)), Range(x, pv)), Seg(u), y.After)
                : Merge(Merge(Merge(pv.Before, Seg(u)), Range(y, pu)), Seg(v), x.After);
            costU += NewPenalty(routeU, routeU.Load, s);
        }

        if (costU + costV > -Epsilon)
        {
            return false;
        }

        SwapNodes(u, v);
        Applied(routeU, routeV);
        return true;
    }

    // SWAP the pair (U, X) with V.
    private bool SwapPairWithOne(Node u, Node v)
    {
        var x = u.Next!;
        var y = v.Next!;
        var pv = v.Prev!;
        if (v.IsDepot || x.IsDepot || u == pv || x == pv || u == y || x == v)
        {
            return false;
        }

        var pu = u.Prev!;
        var xn = x.Next!;
        var cu = u.Client;
        var cx = x.Client;
        var cv = v.Client;
        double costU = D(pu.Client, cv) + D(cv, xn.Client) - u.DistIn - x.DistOut;
        double costV = Into(pv.Client, cu) + D(cx, y.Client) - v.DistIn - v.DistOut;
        var routeU = u.Route!;
        var routeV = v.Route!;
        if (routeU != routeV)
        {
            if (costU + costV >= routeU.Penalty + routeV.Penalty)
            {
                return false;
            }

            var delta = _demand[cv] - _demand[cu] - _demand[cx];
            if (_tw)
            {
                costU += NewPenalty(routeU, routeU.Load + delta, Merge(pu.Before, Seg(v), xn.After));
                costV += NewPenalty(routeV, routeV.Load - delta, Merge(pv.Before, Merge(Seg(u), Seg(x)), y.After));
            }
            else
            {
                costU += PenaltyLoad(routeU.Load + delta) - routeU.Penalty;
                costV += PenaltyLoad(routeV.Load - delta) - routeV.Penalty;
            }
        }
        else if (_tw)
        {
            if (costU + costV >= routeU.Penalty)
            {
                return false;
            }

            var pair = Merge(Seg(u), Seg(x));
            TimeSegment s = u.Position < v.Position
                ? Merge(Merge(Merge(pu.Before, Seg(v)), Range(xn, pv)), pair, y.After)
                : Merge(Merge(Merge(pv.Before, pair), Range(y, pu)), Seg(v), xn.After);
            costU += NewPenalty(routeU, routeU.Load, s);
        }

        if (costU + costV > -Epsilon)
        {
            return false;
        }

        SwapNodes(u, v);
        InsertAfter(x, u);
        Applied(routeU, routeV);
        return true;
    }

    // SWAP the pair (U, X) with the pair (V, Y).
    private bool SwapPairs(Node u, Node v)
    {
        var x = u.Next!;
        var y = v.Next!;
        if (v.IsDepot || x.IsDepot || y.IsDepot || y == u.Prev || u == y || x == v || v == x.Next)
        {
            return false;
        }

        var pu = u.Prev!;
        var pv = v.Prev!;
        var xn = x.Next!;
        var yn = y.Next!;
        var cu = u.Client;
        var cx = x.Client;
        var cv = v.Client;
        var cy = y.Client;
        double costU = D(pu.Client, cv) + D(cy, xn.Client) - u.DistIn - x.DistOut;
        double costV = Into(pv.Client, cu) + D(cx, yn.Client) - v.DistIn - y.DistOut;
        var routeU = u.Route!;
        var routeV = v.Route!;
        if (routeU != routeV)
        {
            if (costU + costV >= routeU.Penalty + routeV.Penalty)
            {
                return false;
            }

            var delta = _demand[cv] + _demand[cy] - _demand[cu] - _demand[cx];
            if (_tw)
            {
                costU += NewPenalty(routeU, routeU.Load + delta, Merge(pu.Before, Merge(Seg(v), Seg(y)), xn.After));
                costV += NewPenalty(routeV, routeV.Load - delta, Merge(pv.Before, Merge(Seg(u), Seg(x)), yn.After));
            }
            else
            {
                costU += PenaltyLoad(routeU.Load + delta) - routeU.Penalty;
                costV += PenaltyLoad(routeV.Load - delta) - routeV.Penalty;
            }
        }
        else if (_tw)
        {
            if (costU + costV >= routeU.Penalty)
            {
                return false;
            }

            var pairU = Merge(Seg(u), Seg(x));
            var pairV = Merge(Seg(v), Seg(y));
            TimeSegment s = u.Position < v.Position
                ? Merge(Merge(Merge(pu.Before, pairV), Range(xn, pv)), pairU, yn.After)
                : Merge(Merge(Merge(pv.Before, pairU), Range(yn, pu)), pairV, xn.After);
            costU += NewPenalty(routeU, routeU.Load, s);
        }

        if (costU + costV > -Epsilon)
        {
            return false;
        }

        SwapNodes(u, v);
        SwapNodes(x, y);
        Applied(routeU, routeV);
        return true;
    }

    // 2-OPT within a route: U → V and X → Y, reversing X … V.
    private bool TwoOpt(Node u, Node v)
    {
        if (u.Position > v.Position)
        {
            return false;
        }

        var x = u.Next!;
        var y = v.Next!;
        if (x == v)
        {
            return false;
        }

        var route = u.Route!;
        double cost = D(u.Client, v.Client) + D(x.Client, y.Client) - u.DistOut - v.DistOut
            + v.CumulatedReversal - x.CumulatedReversal;
        if (_tw)
        {
            if (cost >= route.Penalty)
            {
                return false;
            }

            var s = Seg(v);
            var w = v;
            while (w != x)
            {
                w = w.Prev!;
                s = Merge(s, Seg(w));
            }

            cost += NewPenalty(route, route.Load, Merge(u.Before, s, y.After));
        }

        if (cost > -Epsilon)
        {
            return false;
        }

        var cur = x;
        while (true)
        {
            var next = cur.Next!;
            (cur.Next, cur.Prev) = (cur.Prev, cur.Next);
            if (cur == v)
            {
                break;
            }

            cur = next;
        }

        u.Next = v;
        v.Prev = u;
        x.Next = y;
        y.Prev = x;
        Applied(route, route);
        return true;
    }

    // 2-OPT* between routes, reversed variant: U → V and X → Y.
    private bool TwoOptStarReversed(Node u, Node v)
    {
        if (_tw)
        {
            return false;
        }

        var routeU = u.Route!;
        var routeV = v.Route!;
        var x = u.Next!;
        var y = v.Next!;
        double cost = D(u.Client, v.Client) + D(x.Client, y.Client) - u.DistOut - v.DistOut
            + v.CumulatedReversal + routeU.ReversalDistance - x.CumulatedReversal - routeU.Penalty - routeV.Penalty;
        if (cost >= 0)
        {
            return false;
        }

        cost += PenaltyLoad(u.CumulatedLoad + v.CumulatedLoad) + PenaltyLoad(routeU.Load + routeV.Load - u.CumulatedLoad - v.CumulatedLoad);
        if (cost > -Epsilon)
        {
            return false;
        }

        // New route U: prefix to U, then V back to the first of route V. New route V: last of route U back to X, then Y onwards.
        var a = 0;
        for (var w = routeU.Depot.Next!; w != x; w = w.Next!)
        {
            _bufferA[a++] = w;
        }

        for (var w = v; !w.IsDepot; w = w.Prev!)
        {
            _bufferA[a++] = w;
        }

        var b = 0;
        for (var w = routeU.DepotEnd.Prev!; w != u; w = w.Prev!)
        {
            _bufferB[b++] = w;
        }

        for (var w = y; !w.IsDepot; w = w.Next!)
        {
            _bufferB[b++] = w;
        }

        Relink(routeU, _bufferA, a);
        Relink(routeV, _bufferB, b);
        Applied(routeU, routeV);
        return true;
    }

    // 2-OPT* between routes: U → Y and V → X.
    private bool TwoOptStar(Node u, Node v)
    {
        var routeU = u.Route!;
        var routeV = v.Route!;
        if (routeU == routeV)
        {
            return false;
        }

        var x = u.Next!;
        var y = v.Next!;
        double cost = D(u.Client, y.Client) + D(v.Client, x.Client) - u.DistOut - v.DistOut
            - routeU.Penalty - routeV.Penalty;
        if (cost >= 0)
        {
            return false;
        }

        var loadU = u.CumulatedLoad + routeV.Load - v.CumulatedLoad;
        var loadV = v.CumulatedLoad + routeU.Load - u.CumulatedLoad;
        cost += PenaltyLoad(loadU) + PenaltyLoad(loadV);
        if (_tw)
        {
            cost += _penaltyTimeWarp * (Merge(u.Before, y.After).TimeWarp + Merge(v.Before, x.After).TimeWarp);
        }

        if (cost > -Epsilon)
        {
            return false;
        }

        var a = 0;
        for (var w = routeU.Depot.Next!; w != x; w = w.Next!)
        {
            _bufferA[a++] = w;
        }

        for (var w = y; !w.IsDepot; w = w.Next!)
        {
            _bufferA[a++] = w;
        }

        var b = 0;
        for (var w = routeV.Depot.Next!; w != y; w = w.Next!)
        {
            _bufferB[b++] = w;
        }

        for (var w = x; !w.IsDepot; w = w.Next!)
        {
            _bufferB[b++] = w;
        }

        Relink(routeU, _bufferA, a);
        Relink(routeV, _bufferB, b);
        Applied(routeU, routeV);
        return true;
    }

    private void Relink(Route r, Node[] nodes, int count)
    {
        var prev = r.Depot;
        for (var i = 0; i < count; i++)
        {
            var n = nodes[i];
            prev.Next = n;
            n.Prev = prev;
            n.Route = r;
            prev = n;
        }

        prev.Next = r.DepotEnd;
        r.DepotEnd.Prev = prev;
    }

    // SWAP*: exchange U of route U and V of route V, each reinserted at its best place in the other route (Vidal 2022, section 5).
    private bool SwapStar(Route routeU, Route routeV)
    {
        PreprocessInsertions(routeU, routeV);
        PreprocessInsertions(routeV, routeU);
        var bestCost = double.MaxValue;
        Node? bestU = null;
        Node? bestV = null;
        Node? bestPosU = null;
        Node? bestPosV = null;
        var demand = _data.Demand;
        var capacity = _data.Capacity;
        var penaltyCapacity = _penaltyCapacity;
        var loadU = routeU.Load;
        var loadV = routeV.Load;
        var penaltyU = routeU.Penalty;
        var penaltyV = routeV.Penalty;
        var countV = 0;
        for (var v = routeV.Depot.Next!; !v.IsDepot; v = v.Next!)
        {
            _pairNodes[countV] = v;
            _pairDemand[countV] = demand[v.Client];
            _pairRemoval[countV] = v.DeltaRemoval;
            countV++;
        }

        for (var u = routeU.Depot.Next!; !u.IsDepot; u = u.Next!)
        {
            var du = demand[u.Client];
            var removalU = u.DeltaRemoval;
            var baseU = loadU - du;
            var baseV = loadV + du;
            for (var k = 0; k < countV; k++)
            {
                var dv = _pairDemand[k];
                var newU = baseU + dv;
                var newV = baseV - dv;
                var penU = (newU > capacity ? (newU - capacity) * penaltyCapacity : 0) - penaltyU;
                var penV = (newV > capacity ? (newV - capacity) * penaltyCapacity : 0) - penaltyV;
                if (penU + removalU + penV + _pairRemoval[k] <= 0)
                {
                    var v = _pairNodes[k];
                    var extraV = CheapestInsertSimultaneousRemoval(v, u, out var posV);
                    var extraU = CheapestInsertSimultaneousRemoval(u, v, out var posU);
                    var cost = penU + removalU + extraU + penV + _pairRemoval[k] + extraV;
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        bestU = u;
                        bestV = v;
                        bestPosU = posU;
                        bestPosV = posV;
                    }
                }
            }
        }

        // Plain relocations of one client to the other route, evaluated the same way.
        for (var u = routeU.Depot.Next!; !u.IsDepot; u = u.Next!)
        {
            var i = ((routeV.Index * (_data.ClientCount + 1)) + u.Client) * 3;
            var du = _demand[u.Client];
            var cost = u.DeltaRemoval + _bestInsertCost[i] + PenaltyLoad(routeU.Load - du) - routeU.Penalty
                + PenaltyLoad(routeV.Load + du) - routeV.Penalty;
            if (cost < bestCost)
            {
                bestCost = cost;
                bestU = u;
                bestPosU = _bestInsertNode[i];
                bestV = null;
                bestPosV = null;
            }
        }

        for (var v = routeV.Depot.Next!; !v.IsDepot; v = v.Next!)
        {
            var i = ((routeU.Index * (_data.ClientCount + 1)) + v.Client) * 3;
            var dv = _demand[v.Client];
            var cost = v.DeltaRemoval + _bestInsertCost[i] + PenaltyLoad(routeV.Load - dv) - routeV.Penalty
                + PenaltyLoad(routeU.Load + dv) - routeU.Penalty;
            if (cost < bestCost)
            {
                bestCost = cost;
                bestV = v;
                bestPosV = _bestInsertNode[i];
                bestU = null;
                bestPosU = null;
            }
        }

        if (bestCost > -Epsilon)
        {
            return false;
        }

        if (bestU is not null && bestPosU is not null)
        {
            InsertAfter(bestU, bestPosU);
        }

        if (bestV is not null && bestPosV is not null)
        {
            InsertAfter(bestV, bestPosV);
        }

        Applied(routeU, routeV);
        return true;
    }

    private double CheapestInsertSimultaneousRemoval(Node u, Node v, out Node position)
    {
        var i = ((v.Route!.Index * (_data.ClientCount + 1)) + u.Client) * 3;
        Node? best = null;
        var bestCost = double.MaxValue;
        for (var k = 0; k < 3; k++)
        {
            var p = _bestInsertNode[i + k];
            if (p is null)
            {
                break;
            }

            if (p != v && p.Next != v)
            {
                best = p;
                bestCost = _bestInsertCost[i + k];
                break;
            }
        }

        var pv = v.Prev!;
        var nv = v.Next!;
        double inPlace = D(pv.Client, u.Client) + D(u.Client, nv.Client) - D(pv.Client, nv.Client);
        if (best is null || inPlace < bestCost)
        {
            best = pv;
            bestCost = inPlace;
        }

        position = best;
        return bestCost;
    }

    private void PreprocessInsertions(Route r1, Route r2)
    {
        var stride = _data.ClientCount + 1;
        var dist = _dist;
        var ds = _stride;
        var symmetric = _symmetric;
        var count = 0;
        for (var p = r2.Depot; ; p = p.Next!)
        {
            _insertNodes[count] = p;
            _insertFrom[count] = p.Client;
            _insertTo[count] = p.Next!.Client;
            _insertEdge[count] = p.DistOut;
            count++;
            if (p.Next!.IsDepot)
            {
                break;
            }
        }

        for (var u = r1.Depot.Next!; !u.IsDepot; u = u.Next!)
        {
            var cu = u.Client;
            var pu = u.Prev!.Client;
            var nu = u.Next!.Client;
            u.DeltaRemoval = dist[(pu * ds) + nu] - u.DistIn - u.DistOut;
            var w = (r2.Index * stride) + cu;
            if (r2.WhenLastModified > _bestInsertWhen[w] || _bestInsertNode[w * 3] is null)
            {
                _bestInsertWhen[w] = _moveCount;
                double c0 = double.MaxValue, c1 = double.MaxValue, c2 = double.MaxValue;
                Node? n0 = null, n1 = null, n2 = null;
                var rowU = cu * ds;
                for (var k = 0; k < count; k++)
                {
                    var pc = _insertFrom[k];
                    double cost = (symmetric ? dist[rowU + pc] : dist[(pc * ds) + cu]) + dist[rowU + _insertTo[k]] - _insertEdge[k];
                    if (cost < c2)
                    {
                        var p = _insertNodes[k];
                        if (cost < c1)
                        {
                            c2 = c1;
                            n2 = n1;
                            if (cost < c0)
                            {
                                c1 = c0;
                                n1 = n0;
                                c0 = cost;
                                n0 = p;
                            }
                            else
                            {
                                c1 = cost;
                                n1 = p;
                            }
                        }
                        else
                        {
                            c2 = cost;
                            n2 = p;
                        }
                    }
                }

                var i = w * 3;
                _bestInsertCost[i] = c0;
                _bestInsertCost[i + 1] = c1;
                _bestInsertCost[i + 2] = c2;
                _bestInsertNode[i] = n0;
                _bestInsertNode[i + 1] = n1;
                _bestInsertNode[i + 2] = n2;
            }
        }
    }

    private static void InsertAfter(Node u, Node v)
    {
        if (u.Prev == v)
        {
            return;
        }

        var pu = u.Prev!;
        var nu = u.Next!;
        pu.Next = nu;
        nu.Prev = pu;
        var nv = v.Next!;
        v.Next = u;
        u.Prev = v;
        u.Next = nv;
        nv.Prev = u;
        u.Route = v.Route;
    }

    private static void SwapNodes(Node u, Node v)
    {
        var pu = u.Prev!;
        var nu = u.Next!;
        var pv = v.Prev!;
        var nv = v.Next!;
        var ru = u.Route!;
        var rv = v.Route!;
        pu.Next = v;
        nu.Prev = v;
        pv.Next = u;
        nv.Prev = u;
        u.Prev = pv;
        u.Next = nv;
        v.Prev = pu;
        v.Next = nu;
        u.Route = rv;
        v.Route = ru;
    }

    private void Applied(Route a, Route b)
    {
        _moveCount++;
        MovesApplied++;
        _searchCompleted = false;
        UpdateRoute(a);
        if (b != a)
        {
            UpdateRoute(b);
        }
    }

    private void UpdateRoute(Route r)
    {
        var position = 0;
        long load = 0;
        long distance = 0;
        long reversal = 0;
        var node = r.Depot;
        node.Position = 0;
        node.CumulatedLoad = 0;
        node.CumulatedDistance = 0;
        node.CumulatedReversal = 0;
        if (_tw)
        {
            node.Before = _nodeSegment[0];
        }

        var firstIt = true;
        var sumX = 0.0;
        var sumY = 0.0;
        while (!node.IsDepot || firstIt)
        {
            firstIt = false;
            var next = node.Next!;
            position++;
            load += _demand[next.Client];
            var leg = D(node.Client, next.Client);
            node.DistOut = leg;
            next.DistIn = leg;
            distance += leg;
            reversal += D(next.Client, node.Client) - D(node.Client, next.Client);
            next.Position = position;
            next.CumulatedLoad = load;
            next.CumulatedDistance = distance;
            next.CumulatedReversal = reversal;
            next.Route = r;
            if (_tw)
            {
                next.Before = Merge(node.Before, _nodeSegment[next.Client]);
            }

            if (!next.IsDepot)
            {
                sumX += _data.X[next.Client];
                sumY += _data.Y[next.Client];
                if (position == 1)
                {
                    r.Sector.Initialize(_polarAngle[next.Client]);
                }
                else
                {
                    r.Sector.Extend(_polarAngle[next.Client]);
                }
            }

            node = next;
        }

        r.Distance = distance;
        r.Load = load;
        r.ReversalDistance = reversal;
        r.CustomerCount = position - 1;
        r.TimeWarp = _tw ? r.DepotEnd.Before.TimeWarp : 0;
        r.Penalty = PenaltyLoad(load) + (_penaltyTimeWarp * r.TimeWarp);
        r.WhenLastModified = _moveCount;
        if (r.CustomerCount > 0)
        {
            r.PolarAngleBarycenter = Math.Atan2((sumY / r.CustomerCount) - _data.Y[0], (sumX / r.CustomerCount) - _data.X[0]);
        }
        else
        {
            r.PolarAngleBarycenter = 1e30;
        }

        if (_tw)
        {
            var back = r.DepotEnd;
            back.After = _nodeSegment[back.Client];
            while (back != r.Depot)
            {
                var prev = back.Prev!;
                prev.After = Merge(_nodeSegment[prev.Client], back.After);
                back = prev;
            }
        }
    }

    private void Load(HgsIndividual indiv)
    {
        _moveCount = 0;
        for (var i = 1; i < _clients.Length; i++)
        {
            _clients[i].WhenLastTestedRI = -1;
        }

        for (var r = 0; r < _routes.Length; r++)
        {
            var route = _routes[r];
            route.WhenLastTestedSwapStar = -1;
            var prev = route.Depot;
            for (var k = indiv.RouteStart[r]; k < indiv.RouteStart[r + 1]; k++)
            {
                var node = _clients[indiv.RouteClients[k]];
                node.Prev = prev;
                prev.Next = node;
                node.Route = route;
                prev = node;
            }

            prev.Next = route.DepotEnd;
            route.DepotEnd.Prev = prev;
            UpdateRoute(route);
        }

        if (_useSwapStar)
        {
            Array.Fill(_bestInsertWhen, -1);
            Array.Clear(_bestInsertNode);
        }
    }

    private void Export(HgsIndividual indiv)
    {
        for (var r = 0; r < _routes.Length; r++)
        {
            _routeAngles[r] = (_routes[r].PolarAngleBarycenter, r);
        }

        Array.Sort(_routeAngles, static (a, b) => a.Angle != b.Angle ? a.Angle.CompareTo(b.Angle) : a.Route.CompareTo(b.Route));
        var pos = 0;
        for (var k = 0; k < _routes.Length; k++)
        {
            var route = _routes[_routeAngles[k].Route];
            indiv.RouteStart[k] = pos;
            for (var node = route.Depot.Next!; !node.IsDepot; node = node.Next!)
            {
                indiv.RouteClients[pos] = node.Client;
                indiv.Tour[pos] = node.Client;
                pos++;
            }
        }

        indiv.RouteStart[_routes.Length] = pos;
        indiv.Evaluate(_data, _penaltyCapacity, _penaltyTimeWarp);
    }

    /// <summary>A client or depot occurrence in the linked routes.</summary>
    private sealed class Node
    {
        public bool IsDepot;
        public int Client;
        public int Position;
        public int WhenLastTestedRI;
        public Node? Next;
        public Node? Prev;
        public Route? Route;
        public int DistIn;
        public int DistOut;
        public long CumulatedLoad;
        public long CumulatedDistance;
        public long CumulatedReversal;
        public double DeltaRemoval;
        public TimeSegment Before;
        public TimeSegment After;
    }

    /// <summary>A route of the local search with its aggregated data.</summary>
    private sealed class Route
    {
        public int Index;
        public int CustomerCount;
        public int WhenLastModified;
        public int WhenLastTestedSwapStar;
        public required Node Depot;
        public required Node DepotEnd;
        public long Distance;
        public long Load;
        public long TimeWarp;
        public long ReversalDistance;
        public double Penalty;
        public double PolarAngleBarycenter;
        public CircleSector Sector;
    }
}
