namespace CitySort.Routing.Hgs;

/// <summary>
/// The local search of <see cref="HgsDaySearch"/> on explicit vehicle days. A day is its visits in order: a client
/// index (≥ 0) or a facility visit written as the bitwise complement of the facility's position in the type's
/// unloading facilities (&lt; 0). The day's last unload, before the return to the depot, is implied: the accepting
/// facility with the cheapest detour from the last client to the depot. Every day keeps forward and backward
/// <see cref="DaySegment"/>s (distance, load with unloads, time after Vidal et al. 2013) and, for the break, the best
/// forward and backward time data with the break already taken inside, so a move between days, or the insertion,
/// removal or change of a facility visit, is priced in constant time by concatenating a prefix, the moved visits and a
/// suffix. A move priced as an improvement is then evaluated exactly (every gap tried for the break) before it is
/// applied, so the search never accepts a change the exact evaluation would reject.
/// </summary>
internal sealed partial class HgsDaySearch
{
    private const double Epsilon = 1e-6;

    /// <summary>After how many days in a row that could not be emptied route elimination stops.</summary>
    private const int EliminationAttempts = 3;

    private DaySegment[] _visitSegment = [];
    private DaySegment[] _endSegment = [];
    private TimeData?[] _endBreak = [];
    private int[] _endFacility = [];
    private DaySegment _depotStart;
    private DaySegment _depotEnd;
    private TimeData _meal;
    private bool _hasMeal;
    private long _capacity;
    private DayCache[] _caches = [];
    private int[] _dayOf = [];
    private int[] _positionOf = [];
    private readonly List<int> _scratchA = [];
    private readonly ChainPart[] _parts = new ChainPart[6];

    /// <summary>Precomputes the segments of single visits, of each possible end of a day and of the depot.</summary>
    private void PrepareSegments()
    {
        var p = _problem;
        var shift = _type.ShiftWindow!.Value;
        _capacity = _type.Capacity.Value;
        _depotStart = new DaySegment(_depot, _depot, 0, new TimeData(0, 0, shift.Earliest.Value, shift.Latest.Value), 0, 0, false, 0, 0, 0);
        _depotEnd = _depotStart;
        if (_type.Break is { } meal)
        {
            _hasMeal = true;
            _meal = new TimeData(meal.Duration.Value, 0, meal.StartWindow.Earliest.Value, meal.StartWindow.Latest.Value);
        }

        _visitSegment = new DaySegment[_clients + _facilityNodes.Length];
        for (var c = 0; c < _clients; c++)
        {
            var node = p.ClientNode(c);
            _visitSegment[c] = new DaySegment(node, node, 0, new TimeData(_service[c], 0, _earliest[c], _latest[c]), _demand[c], _demand[c], false, 0, _demand[c], 1);
        }

        for (var k = 0; k < _facilityNodes.Length; k++)
        {
            var facility = p.Facilities[_facilityIndex[k]];
            var node = _facilityNodes[k];
            _visitSegment[_clients + k] = new DaySegment(node, node, 0,
                new TimeData(facility.ServiceDuration.Value, 0, facility.TimeWindow.Earliest.Value, facility.TimeWindow.Latest.Value), 0, 0, true, 0, 0, 0);
        }

        var nodes = p.NodeCount;
        _endSegment = new DaySegment[nodes];
        _endBreak = new TimeData?[nodes];
        _endFacility = new int[nodes];
        for (var x = 0; x < nodes; x++)
        {
            _endFacility[x] = -1;
            _endSegment[x] = _depotEnd;
            var isClient = x >= p.Depots.Count && x < p.Depots.Count + _clients;
            if (!isClient || _facilityNodes.Length == 0)
            {
                continue;
            }

            var best = long.MaxValue;
            for (var k = 0; k < _facilityNodes.Length; k++)
            {
                var c = p.Distance(x, _facilityNodes[k]).Value + p.Distance(_facilityNodes[k], _depot).Value;
                if (c < best)
                {
                    (best, _endFacility[x]) = (c, k);
                }
            }

            var unload = _visitSegment[_clients + _endFacility[x]];
            _endSegment[x] = Concat(unload, _depotEnd);
            if (_hasMeal)
            {
                var tau = Travel(unload.Last, _depot);
                var before = TimeData.Merge(TimeData.Merge(unload.Time, _meal, 0), _depotEnd.Time, tau);
                var after = TimeData.Merge(TimeData.Merge(unload.Time, _meal, tau), _depotEnd.Time, 0);
                _endBreak[x] = before.Beats(after) ? before : after;
            }
        }
    }

    private long Travel(int from, int to) => _problem.TravelDuration(from, to).Value;

    private DaySegment VisitSegment(int visit) => _visitSegment[visit >= 0 ? visit : _clients + ~visit];

    private int NodeOf(int visit) => visit >= 0 ? _problem.ClientNode(visit) : _facilityNodes[~visit];

    private long Excess(long load) => Math.Max(0, load - _capacity);

    /// <summary>Concatenates two stretches: the arc between them, time data after Vidal et al., loads across unloads.</summary>
    private DaySegment Concat(in DaySegment a, in DaySegment b)
    {
        var distance = a.Distance + b.Distance + _problem.Distance(a.Last, b.First).Value;
        var time = TimeData.Merge(a.Time, b.Time, Travel(a.Last, b.First));
        long head, tail, inner;
        if (!a.HasUnload && !b.HasUnload)
        {
            head = tail = a.Head + b.Head;
            inner = 0;
        }
        else if (a.HasUnload && !b.HasUnload)
        {
            (head, tail, inner) = (a.Head, a.Tail + b.Head, a.Inner);
        }
        else if (!a.HasUnload)
        {
            (head, tail, inner) = (a.Head + b.Head, b.Tail, b.Inner);
        }
        else
        {
            (head, tail, inner) = (a.Head, b.Tail, a.Inner + b.Inner + Excess(a.Tail + b.Head));
        }

        return new DaySegment(a.First, b.Last, distance, time, head, tail, a.HasUnload || b.HasUnload, inner, a.Load + b.Load, a.Clients + b.Clients);
    }

    /// <summary>The best time data of <paramref name="a"/> then <paramref name="b"/> with the break in the gap between them, before or after its drive.</summary>
    private TimeData BreakBetween(in DaySegment a, in DaySegment b)
    {
        var tau = Travel(a.Last, b.First);
        var before = TimeData.Merge(TimeData.Merge(a.Time, _meal, 0), b.Time, tau);
        var after = TimeData.Merge(TimeData.Merge(a.Time, _meal, tau), b.Time, 0);
        return before.Beats(after) ? before : after;
    }

    /// <summary>The penalised cost of a whole day (from the depot and back) given its segment and its time with the break.</summary>
    private double DayCost(in DaySegment day, TimeData? withBreak, out DayResult result)
    {
        if (day.Clients == 0)
        {
            result = new DayResult(0, 0, 0, 0, 0, null, null);
            return 0;
        }

        var warp = day.Time.TimeWarp;
        if (_hasMeal && day.Time.EarliestEnd > _meal.Late)
        {
            warp = withBreak is { } b ? b.TimeWarp : warp + _meal.Duration;
        }

        var load = day.Inner + Excess(day.Head) + (day.HasUnload ? Excess(day.Tail) : 0);
        if (_type.MaxLoadPerDay is { } dayLoad)
        {
            load += Math.Max(0, day.Load - dayLoad.Value);
        }

        var clients = _type.MaxClientsPerDay is { } dayClients ? Math.Max(0, day.Clients - dayClients) : 0;
        result = new DayResult(day.Distance, _type.FixedCost.Value, warp, load, clients, null, null);
        return Penalised(result);
    }

    /// <summary>Evaluates a day exactly: every gap is tried for the break, before and after its drive.</summary>
    private DayResult EvaluateExact(List<int> visits, DayCache? cache = null)
    {
        cache ??= _exactCache;
        cache.Fill(this, visits);
        var m = visits.Count;
        if (m == 0)
        {
            return new DayResult(0, 0, 0, 0, 0, null, null);
        }

        var whole = cache.Prefix[cache.ItemCount];
        TimeData? best = null;
        if (_hasMeal && whole.Time.EarliestEnd > _meal.Late)
        {
            for (var g = 1; g < cache.ItemCount; g++)
            {
                var t = BreakBetween(cache.Prefix[g], cache.Suffix[g]);
                if (best is null || t.Beats(best.Value))
                {
                    best = t;
                }
            }
        }

        DayCost(whole, best, out var result);
        return result;
    }

    private readonly DayCache _exactCache = new();

    /// <summary>
    /// Forward and backward segments of one day over its items: the depot, its visits, the implied last unload (when
    /// the last visit is a client of a type with facilities) and the depot again; with the break, the best time data
    /// with the break taken inside each prefix and each suffix.
    /// </summary>
    private sealed class DayCache
    {
        public DaySegment[] Items = new DaySegment[16];
        public DaySegment[] Prefix = new DaySegment[17];
        public DaySegment[] Suffix = new DaySegment[17];
        public TimeData?[] PrefixBreak = new TimeData?[17];
        public TimeData?[] SuffixBreak = new TimeData?[17];

        /// <summary>Items: 0 = depot, 1 … m = visits, then the implied unload if any, then the depot.</summary>
        public int ItemCount { get; private set; }

        public double Cost { get; set; }

        /// <summary>Prefix[i] = items 0 … i − 1 concatenated; Suffix[i] = items i … ItemCount − 1.</summary>
        public void Fill(HgsDaySearch owner, List<int> visits)
        {
            var m = visits.Count;
            var n = m + 3;
            if (Items.Length < n)
            {
                var size = n * 2;
                Items = new DaySegment[size];
                Prefix = new DaySegment[size + 1];
                Suffix = new DaySegment[size + 1];
                PrefixBreak = new TimeData?[size + 1];
                SuffixBreak = new TimeData?[size + 1];
            }

            var count = 0;
            Items[count++] = owner._depotStart;
            for (var i = 0; i < m; i++)
            {
                Items[count++] = owner.VisitSegment(visits[i]);
            }

            if (m > 0 && visits[m - 1] >= 0 && owner._facilityNodes.Length > 0)
            {
                Items[count++] = owner._visitSegment[owner._clients + owner._endFacility[owner.NodeOf(visits[m - 1])]];
            }

            Items[count++] = owner._depotEnd;
            ItemCount = count;
            Prefix[0] = default;
            Prefix[1] = Items[0];
            PrefixBreak[1] = null;
            for (var i = 1; i < count; i++)
            {
                Prefix[i + 1] = owner.Concat(Prefix[i], Items[i]);
                if (owner._hasMeal)
                {
                    var t = owner.BreakBetween(Prefix[i], Items[i]);
                    if (PrefixBreak[i] is { } pb)
                    {
                        var carried = TimeData.Merge(pb, Items[i].Time, owner.Travel(Prefix[i].Last, Items[i].First));
                        if (carried.Beats(t))
                        {
                            t = carried;
                        }
                    }

                    PrefixBreak[i + 1] = t;
                }
            }

            Suffix[count] = default;
            Suffix[count - 1] = Items[count - 1];
            SuffixBreak[count - 1] = null;
            for (var i = count - 2; i >= 0; i--)
            {
                Suffix[i] = owner.Concat(Items[i], Suffix[i + 1]);
                if (owner._hasMeal)
                {
                    var t = owner.BreakBetween(Items[i], Suffix[i + 1]);
                    if (SuffixBreak[i + 1] is { } sb)
                    {
                        var carried = TimeData.Merge(Items[i].Time, sb, owner.Travel(Items[i].Last, Suffix[i + 1].First));
                        if (carried.Beats(t))
                        {
                            t = carried;
                        }
                    }

                    SuffixBreak[i] = t;
                }
            }
        }
    }

    /// <summary>A part of a day being priced: a segment and, with the break, its best time with the break inside.</summary>
    private readonly record struct ChainPart(DaySegment Segment, TimeData? WithBreak);

    /// <summary>
    /// Prices the day made of <paramref name="count"/> parts of <see cref="_parts"/> (the first starts at the depot, the
    /// last ends there): the segments are concatenated, and with a break its best place is kept as the parts join (inside
    /// a part, or in the gap where two parts meet).
    /// </summary>
    private double PriceChain(int count)
    {
        var current = _parts[0].Segment;
        var withBreak = _parts[0].WithBreak;
        for (var i = 1; i < count; i++)
        {
            var next = _parts[i];
            if (_hasMeal)
            {
                var t = BreakBetween(current, next.Segment);
                var tau = Travel(current.Last, next.Segment.First);
                if (withBreak is { } wb)
                {
                    var carried = TimeData.Merge(wb, next.Segment.Time, tau);
                    if (carried.Beats(t))
                    {
                        t = carried;
                    }
                }

                if (next.WithBreak is { } nb)
                {
                    var inside = TimeData.Merge(current.Time, nb, tau);
                    if (inside.Beats(t))
                    {
                        t = inside;
                    }
                }

                withBreak = t;
            }

            current = Concat(current, next.Segment);
        }

        return DayCost(current, withBreak, out _);
    }

    /// <summary>The part of day <paramref name="d"/> from the depot up to, not including, visit <paramref name="position"/>.</summary>
    private ChainPart PrefixPart(int d, int position)
    {
        var cache = _caches[d];
        return new ChainPart(cache.Prefix[position + 1], cache.PrefixBreak[position + 1]);
    }

    /// <summary>
    /// The part of day <paramref name="d"/> from visit <paramref name="position"/> to the depot; null when it would be
    /// empty of visits (the day's end then depends on what comes before, see <see cref="AddEnd"/>).
    /// </summary>
    private ChainPart? SuffixPart(int d, int position)
    {
        var cache = _caches[d];
        return position >= _days![d].Count ? null : new ChainPart(cache.Suffix[position + 1], cache.SuffixBreak[position + 1]);
    }

    private int AddVisit(int count, int visit)
    {
        _parts[count] = new ChainPart(VisitSegment(visit), null);
        return count + 1;
    }

    /// <summary>Adds <paramref name="suffix"/>, or when it is null the end of a day after the last part: the implied unload and the depot.</summary>
    private int AddEnd(int count, ChainPart? suffix)
    {
        if (suffix is { } s)
        {
            _parts[count] = s;
            return count + 1;
        }

        var last = _parts[count - 1].Segment.Last;
        _parts[count] = new ChainPart(_endSegment[last], _endBreak[last]);
        return count + 1;
    }

    private List<int>[]? _days;

    /// <summary>Granular first-improvement local search over explicit days, moves priced in constant time.</summary>
    private void LocalSearch(Individual individual)
    {
        var days = individual.Days;
        _days = days;
        if (_caches.Length != days.Length)
        {
            _caches = [.. Enumerable.Range(0, days.Length).Select(_ => new DayCache())];
            _dayOf = new int[_clients];
            _positionOf = new int[_clients];
        }

        for (var d = 0; d < days.Length; d++)
        {
            Refresh(d);
        }

        var order = Enumerable.Range(0, _clients).ToArray();
        var improved = true;
        var passes = 0;
        while (passes < 50)
        {
            if (!improved && !EmptyADay())
            {
                break;
            }

            improved = false;
            passes++;
            _random.Shuffle(order);
            foreach (var u in order)
            {
                if (_stop())
                {
                    return;
                }

                foreach (var v in _neighbours[u])
                {
                    if (_dayOf[u] == _dayOf[v] ? IntraDay(u, v) : InterDay(u, v))
                    {
                        improved = true;
                    }
                }

                if (_facilityNodes.Length > 0 && FacilityMoves(u))
                {
                    improved = true;
                }

                if (passes > 1 && IntoEmptyDay(u))
                {
                    improved = true;
                }
            }

            if (TripMoves())
            {
                improved = true;
            }
        }

        for (var d = 0; d < days.Length; d++)
        {
            Normalise(days[d]);
        }

        _days = null;
    }

    private void Refresh(int d)
    {
        var day = _days![d];
        var cache = _caches[d];
        var result = EvaluateExact(day, cache);
        cache.Cost = Penalised(result);
        for (var i = 0; i < day.Count; i++)
        {
            if (day[i] >= 0)
            {
                _dayOf[day[i]] = d;
                _positionOf[day[i]] = i;
            }
        }
    }

    /// <summary>Moves between the days of <paramref name="u"/> and <paramref name="v"/>: relocate (after or before, with or without an unload after), swap, 2-opt*.</summary>
    private bool InterDay(int u, int v)
    {
        var du = _dayOf[u];
        var dv = _dayOf[v];
        var pu = _positionOf[u];
        var pv = _positionOf[v];
        var days = _days!;
        var now = _caches[du].Cost + _caches[dv].Cost;

        // The day of u without u.
        var n = 0;
        _parts[n++] = PrefixPart(du, pu);
        n = AddEnd(n, SuffixPart(du, pu + 1));
        var withoutU = PriceChain(n);
        if (withoutU < now - Epsilon)
        {
            // RELOCATE u after v.
            n = 0;
            _parts[n++] = PrefixPart(dv, pv + 1);
            n = AddVisit(n, u);
            n = AddEnd(n, SuffixPart(dv, pv + 1));
            if (withoutU + PriceChain(n) < now - Epsilon && Commit(du, dv, Relocated(days[du], u), InsertedAt(days[dv], pv + 1, u)))
            {
                return true;
            }

            // RELOCATE u before v.
            n = 0;
            _parts[n++] = PrefixPart(dv, pv);
            n = AddVisit(n, u);
            n = AddEnd(n, SuffixPart(dv, pv));
            if (withoutU + PriceChain(n) < now - Epsilon && Commit(du, dv, Relocated(days[du], u), InsertedAt(days[dv], pv, u)))
            {
                return true;
            }

            // RELOCATE u after v and unload after u, when v's day goes on.
            if (_facilityNodes.Length > 0 && pv + 1 < days[dv].Count && days[dv][pv + 1] >= 0)
            {
                var k = BestUnload(_problem.ClientNode(u), NodeOf(days[dv][pv + 1]));
                n = 0;
                _parts[n++] = PrefixPart(dv, pv + 1);
                n = AddVisit(n, u);
                n = AddVisit(n, ~k);
                n = AddEnd(n, SuffixPart(dv, pv + 1));
                if (withoutU + PriceChain(n) < now - Epsilon)
                {
                    var b = InsertedAt(days[dv], pv + 1, u, ~k);
                    if (Commit(du, dv, Relocated(days[du], u), b))
                    {
                        return true;
                    }
                }
            }
        }

        // SWAP u and v.
        n = 0;
        _parts[n++] = PrefixPart(du, pu);
        n = AddVisit(n, v);
        n = AddEnd(n, SuffixPart(du, pu + 1));
        var a = PriceChain(n);
        if (a < now - Epsilon)
        {
            n = 0;
            _parts[n++] = PrefixPart(dv, pv);
            n = AddVisit(n, u);
            n = AddEnd(n, SuffixPart(dv, pv + 1));
            if (a + PriceChain(n) < now - Epsilon)
            {
                var first = new List<int>(days[du]) { [pu] = v };
                var second = new List<int>(days[dv]) { [pv] = u };
                if (Commit(du, dv, first, second))
                {
                    return true;
                }
            }
        }

        // 2-OPT*: u's day continues after u with the rest of v's day after v, and the other way round.
        n = 0;
        _parts[n++] = PrefixPart(du, pu + 1);
        n = AddEnd(n, SuffixPart(dv, pv + 1));
        a = PriceChain(n);
        if (a < now - Epsilon)
        {
            n = 0;
            _parts[n++] = PrefixPart(dv, pv + 1);
            n = AddEnd(n, SuffixPart(du, pu + 1));
            if (a + PriceChain(n) < now - Epsilon)
            {
                var first = new List<int>(days[du].Take(pu + 1));
                first.AddRange(days[dv].Skip(pv + 1));
                var second = new List<int>(days[dv].Take(pv + 1));
                second.AddRange(days[du].Skip(pu + 1));
                if (Commit(du, dv, first, second))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Moves within one day: relocate u after v, swap, 2-opt; the changed stretch is walked, prefix and suffix are read.</summary>
    private bool IntraDay(int u, int v)
    {
        var d = _dayOf[u];
        var day = _days![d];
        var pu = _positionOf[u];
        var pv = _positionOf[v];
        var now = _caches[d].Cost;

        // RELOCATE u after v.
        if (pv != pu - 1)
        {
            _scratchA.Clear();
            _scratchA.AddRange(day);
            _scratchA.RemoveAt(pu);
            _scratchA.Insert(pv < pu ? pv + 1 : pv, u);
            if (PriceStretch(d, _scratchA, Math.Min(pu, pv + 1), Math.Max(pu, pv)) < now - Epsilon && CommitOne(d, _scratchA))
            {
                return true;
            }
        }

        // SWAP u and v.
        _scratchA.Clear();
        _scratchA.AddRange(day);
        (_scratchA[pu], _scratchA[pv]) = (_scratchA[pv], _scratchA[pu]);
        if (PriceStretch(d, _scratchA, Math.Min(pu, pv), Math.Max(pu, pv)) < now - Epsilon && CommitOne(d, _scratchA))
        {
            return true;
        }

        // 2-OPT: reverse the stretch from after u to v.
        if (pv > pu + 1)
        {
            _scratchA.Clear();
            _scratchA.AddRange(day);
            _scratchA.Reverse(pu + 1, pv - pu);
            if (PriceStretch(d, _scratchA, pu + 1, pv) < now - Epsilon && CommitOne(d, _scratchA))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Prices day <paramref name="d"/> changed to <paramref name="candidate"/> in positions <paramref name="from"/> … <paramref name="to"/> only.</summary>
    private double PriceStretch(int d, List<int> candidate, int from, int to)
    {
        var n = 0;
        _parts[n++] = PrefixPart(d, from);
        // The changed stretch is folded into one part, the break tried in each of its gaps.
        _parts[n++] = StretchPart(candidate, from, to);
        n = AddEnd(n, to + 1 < candidate.Count ? SuffixPart(d, to + 1) : null);
        return PriceChain(n);
    }

    /// <summary>Unload moves at u: insert an unload after u, remove the unload after u, or change its facility.</summary>
    private bool FacilityMoves(int u)
    {
        var d = _dayOf[u];
        var day = _days![d];
        var pu = _positionOf[u];
        var now = _caches[d].Cost;
        var next = pu + 1 < day.Count ? day[pu + 1] : int.MinValue;
        int n;
        if (next >= 0 && next != int.MinValue)
        {
            // INSERT an unload between u and the next client.
            var k = BestUnload(_problem.ClientNode(u), NodeOf(next));
            n = 0;
            _parts[n++] = PrefixPart(d, pu + 1);
            n = AddVisit(n, ~k);
            n = AddEnd(n, SuffixPart(d, pu + 1));
            if (PriceChain(n) < now - Epsilon && CommitOne(d, InsertedAt(day, pu + 1, ~k)))
            {
                return true;
            }
        }
        else if (next < 0 && next != int.MinValue)
        {
            var q = pu + 1;
            // REMOVE the unload after u.
            n = 0;
            _parts[n++] = PrefixPart(d, q);
            n = AddEnd(n, SuffixPart(d, q + 1));
            if (PriceChain(n) < now - Epsilon)
            {
                var without = new List<int>(day);
                without.RemoveAt(q);
                if (CommitOne(d, without))
                {
                    return true;
                }
            }

            // CHANGE the facility of that unload.
            for (var k = 0; k < _facilityNodes.Length; k++)
            {
                if (~k == next)
                {
                    continue;
                }

                n = 0;
                _parts[n++] = PrefixPart(d, q);
                n = AddVisit(n, ~k);
                n = AddEnd(n, SuffixPart(d, q + 1));
                if (PriceChain(n) < now - Epsilon && CommitOne(d, new List<int>(day) { [q] = ~k }))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Route elimination, tried when no other move improves: the days are tried from the fewest clients up, each
    /// emptied in turn (stopping after three failures in a row), each client going to the cheapest place next to one of its granular neighbours in another day (before or
    /// after it), the days it lands in rebuilt exactly after each insertion. The whole change is kept when the exact
    /// penalised cost of the days it touched went down, and undone otherwise. A vehicle day costs its depot legs (and
    /// its fixed cost), which single relocations only save at the last client moved, so without this move the search
    /// keeps days that a few combined relocations would merge into others.
    /// </summary>
    private bool EmptyADay()
    {
        var days = _days!;
        var candidates = Enumerable.Range(0, days.Length).Where(d => days[d].Any(v => v >= 0))
            .OrderBy(d => days[d].Count(v => v >= 0)).ThenBy(d => d).ToArray();
        if (candidates.Length < 2)
        {
            return false;
        }

        var saved = new Dictionary<int, (List<int> Visits, double Cost)>();
        var emptied = 0;
        var failures = 0;
        foreach (var d in candidates)
        {
            if (_stop() || failures >= EliminationAttempts || emptied >= candidates.Length - 1)
            {
                break;
            }

            if (days[d].Count == 0)
            {
                continue;
            }

            saved.Clear();
            saved[d] = (new List<int>(days[d]), _caches[d].Cost);
            var clients = days[d].Where(v => v >= 0).ToArray();
            var placed = true;
            foreach (var u in clients)
            {
                var bestDay = -1;
                var bestPosition = -1;
                var bestPrice = double.MaxValue;
                foreach (var v in _neighbours[u])
                {
                    var dv = _dayOf[v];
                    if (dv == d)
                    {
                        continue;
                    }

                    for (var side = 0; side < 2; side++)
                    {
                        var position = _positionOf[v] + side;
                        var n = 0;
                        _parts[n++] = PrefixPart(dv, position);
                        n = AddVisit(n, u);
                        n = AddEnd(n, SuffixPart(dv, position));
                        var price = PriceChain(n) - _caches[dv].Cost;
                        if (price < bestPrice)
                        {
                            (bestPrice, bestDay, bestPosition) = (price, dv, position);
                        }
                    }
                }

                if (bestDay < 0)
                {
                    placed = false;
                    break;
                }

                if (!saved.ContainsKey(bestDay))
                {
                    saved[bestDay] = (new List<int>(days[bestDay]), _caches[bestDay].Cost);
                }

                days[bestDay].Insert(bestPosition, u);
                Refresh(bestDay);
            }

            days[d].Clear();
            Refresh(d);
            var before = saved.Values.Sum(x => x.Cost);
            var after = saved.Keys.Sum(x => _caches[x].Cost);
            if (placed && after < before - Epsilon)
            {
                MovesApplied++;
                emptied++;
                failures = 0;
                continue;
            }

            failures++;

            foreach (var (day, (visits, _)) in saved)
            {
                days[day].Clear();
                days[day].AddRange(visits);
            }

            foreach (var day in saved.Keys)
            {
                Refresh(day);
            }
        }

        return emptied > 0;
    }

    /// <summary>Moves u into an unused vehicle's day.</summary>
    private bool IntoEmptyDay(int u)
    {
        var empty = Array.FindIndex(_days!, x => x.Count == 0);
        var du = _dayOf[u];
        if (empty < 0 || _days![du].Count < 2)
        {
            return false;
        }

        var pu = _positionOf[u];
        var n = 0;
        _parts[n++] = PrefixPart(du, pu);
        n = AddEnd(n, SuffixPart(du, pu + 1));
        var a = PriceChain(n);
        n = 0;
        _parts[n++] = new ChainPart(_depotStart, null);
        n = AddVisit(n, u);
        n = AddEnd(n, null);
        return a + PriceChain(n) < _caches[du].Cost - Epsilon && Commit(du, empty, Relocated(_days[du], u), [u]);
    }

    /// <summary>The accepting facility with the cheapest detour from node <paramref name="from"/> to node <paramref name="to"/>.</summary>
    private int BestUnload(int from, int to)
    {
        var best = 0;
        var bestCost = long.MaxValue;
        for (var k = 0; k < _facilityNodes.Length; k++)
        {
            var c = _problem.Distance(from, _facilityNodes[k]).Value + _problem.Distance(_facilityNodes[k], to).Value;
            if (c < bestCost)
            {
                (bestCost, best) = (c, k);
            }
        }

        return best;
    }

    private static List<int> Relocated(List<int> day, int u)
    {
        var copy = new List<int>(day);
        copy.Remove(u);
        return copy;
    }

    private static List<int> InsertedAt(List<int> day, int position, params int[] visits)
    {
        var copy = new List<int>(day);
        copy.InsertRange(position, visits);
        return copy;
    }

    /// <summary>Applies the change of two days when the exact evaluation confirms the improvement.</summary>
    private bool Commit(int d1, int d2, List<int> first, List<int> second)
    {
        var c1 = Penalised(EvaluateExact(first));
        var c2 = Penalised(EvaluateExact(second));
        if (c1 + c2 >= _caches[d1].Cost + _caches[d2].Cost - Epsilon)
        {
            return false;
        }

        _days![d1].Clear();
        _days[d1].AddRange(first);
        _days[d2].Clear();
        _days[d2].AddRange(second);
        Refresh(d1);
        Refresh(d2);
        MovesApplied++;
        return true;
    }

    private bool CommitOne(int d, List<int> candidate)
    {
        if (Penalised(EvaluateExact(candidate)) >= _caches[d].Cost - Epsilon)
        {
            return false;
        }

        var copy = new List<int>(candidate);
        _days![d].Clear();
        _days[d].AddRange(copy);
        Refresh(d);
        MovesApplied++;
        return true;
    }

    /// <summary>Drops unloads that would close an empty trip: at the start of a day, and a second unload in a row.</summary>
    private static void Normalise(List<int> day)
    {
        for (var i = day.Count - 1; i >= 0; i--)
        {
            if (day[i] < 0 && (i == 0 || day[i - 1] < 0))
            {
                day.RemoveAt(i);
            }
        }
    }

    /// <summary>Moves applied by the local search (for measurements).</summary>
    public long MovesApplied { get; private set; }
}
