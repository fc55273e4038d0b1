namespace CitySort.Routing.Hgs;

/// <summary>
/// Whole-trip moves of the day search: a trip (the clients between two unloads, or between the depot and the first
/// unload, or after the last explicit unload) is carried from one day into another, or two trips of different days
/// change places. Client moves shift one client at a time, so they cannot move a full trip when every step on the way
/// overfills a trip or breaks a per-day limit; these moves consolidate days and sort trips onto the days whose other
/// trips they fit. The unloads next to a moved trip are re-chosen (the accepting facility with the cheapest detour
/// between the neighbours they end up between). Every candidate is priced in constant time from the stored prefix
/// and suffix segments and the trip's own segment, then confirmed by the exact evaluation of both days.
/// </summary>
internal sealed partial class HgsDaySearch
{
    private readonly List<TripRef> _trips = [];

    /// <summary>Whether the whole-trip moves run (on by default; off only to show in tests what they add).</summary>
    internal bool UseTripMoves { get; set; } = true;

    /// <summary>One trip of a day: its positions, its segment and the matrix nodes it starts and ends at.</summary>
    private readonly record struct TripRef(int Day, int Start, int End, ChainPart Part, int FirstNode, int LastNode);

    /// <summary>
    /// Tries, for every trip, to relocate it to a trip boundary of another day (or into one unused vehicle) and to swap
    /// it with a trip of another day; applies every improvement it finds, first improvement per trip.
    /// </summary>
    private bool TripMoves()
    {
        if (!UseTripMoves || _facilityNodes.Length == 0)
        {
            return false;
        }

        var improved = false;
        CollectTrips();
        for (var i = 0; i < _trips.Count; i++)
        {
            if (_stop())
            {
                break;
            }

            if (RelocateTrip(_trips[i]) || SwapTrip(i))
            {
                improved = true;
                CollectTrips();
            }
        }

        return improved;
    }

    /// <summary>Lists the trips of all days: maximal runs of clients.</summary>
    private void CollectTrips()
    {
        _trips.Clear();
        var days = _days!;
        for (var d = 0; d < days.Length; d++)
        {
            var day = days[d];
            var start = -1;
            for (var i = 0; i <= day.Count; i++)
            {
                var isClient = i < day.Count && day[i] >= 0;
                if (isClient && start < 0)
                {
                    start = i;
                }
                else if (!isClient && start >= 0)
                {
                    _trips.Add(new TripRef(d, start, i - 1, StretchPart(day, start, i - 1), NodeOf(day[start]), NodeOf(day[i - 1])));
                    start = -1;
                }
            }
        }
    }

    /// <summary>Visits <paramref name="from"/> … <paramref name="to"/> of a day folded into one part, the break tried in each of its gaps.</summary>
    private ChainPart StretchPart(List<int> visits, int from, int to)
    {
        var stretch = VisitSegment(visits[from]);
        TimeData? stretchBreak = null;
        for (var i = from + 1; i <= to; i++)
        {
            var next = VisitSegment(visits[i]);
            if (_hasMeal)
            {
                var t = BreakBetween(stretch, next);
                if (stretchBreak is { } sb)
                {
                    var carried = TimeData.Merge(sb, next.Time, Travel(stretch.Last, next.First));
                    if (carried.Beats(t))
                    {
                        t = carried;
                    }
                }

                stretchBreak = t;
            }

            stretch = Concat(stretch, next);
        }

        return new ChainPart(stretch, stretchBreak);
    }

    /// <summary>The matrix node before position <paramref name="position"/> of day <paramref name="d"/>: the visit there, or the depot.</summary>
    private int NodeBefore(int d, int position) => position > 0 ? NodeOf(_days![d][position - 1]) : _depot;

    /// <summary>The matrix node at position <paramref name="position"/> of day <paramref name="d"/>: the visit there, or the depot after the end.</summary>
    private int NodeAt(int d, int position) => position < _days![d].Count ? NodeOf(_days[d][position]) : _depot;

    /// <summary>
    /// The price of the day of trip <paramref name="t"/> without it; <paramref name="facility"/> is the re-chosen unload (−1: none). The trip leaves
    /// with the unload after it (or, for the day's last trip, the unload before it, so the day still ends at a client
    /// whose unload is implied); an unload left between two clients is re-chosen for them.
    /// </summary>
    private double PriceWithout(in TripRef t, out int facility)
    {
        var day = _days![t.Day];
        facility = -1;
        var n = 0;
        if (t.End + 1 < day.Count)
        {
            if (t.Start > 0 && t.End + 2 < day.Count)
            {
                // The unload before the trip now joins the visit before it to the visit after the trip's unload.
                facility = BestUnload(NodeBefore(t.Day, t.Start - 1), NodeAt(t.Day, t.End + 2));
                _parts[n++] = PrefixPart(t.Day, t.Start - 1);
                n = AddVisit(n, ~facility);
            }
            else
            {
                _parts[n++] = PrefixPart(t.Day, t.Start);
            }

            n = AddEnd(n, SuffixPart(t.Day, t.End + 2));
            return PriceChain(n);
        }

        if (t.Start == 0)
        {
            return 0;
        }

        _parts[n++] = PrefixPart(t.Day, t.Start - 1);
        n = AddEnd(n, null);
        return PriceChain(n);
    }

    /// <summary>Day <paramref name="t"/>.Day as a list without the trip, with the re-chosen unload of <see cref="PriceWithout"/>.</summary>
    private List<int> Without(in TripRef t, int facility)
    {
        var day = new List<int>(_days![t.Day]);
        if (t.End + 1 < day.Count)
        {
            day.RemoveRange(t.Start, t.End - t.Start + 2);
            if (facility >= 0)
            {
                day[t.Start - 1] = ~facility;
            }
        }
        else
        {
            var from = Math.Max(0, t.Start - 1);
            day.RemoveRange(from, day.Count - from);
        }

        return day;
    }

    /// <summary>RELOCATE a whole trip: to the start of another day, after one of its unloads, or after its end; or into one unused vehicle.</summary>
    private bool RelocateTrip(in TripRef t)
    {
        var days = _days!;
        var withoutPrice = PriceWithout(t, out var kept);
        var saving = _caches[t.Day].Cost - withoutPrice;
        // One unused vehicle is enough to try, and only when the trip is not already its day's only trip.
        var usedEmpty = days[t.Day].Count(v => v >= 0) == t.End - t.Start + 1;
        for (var b = 0; b < days.Length; b++)
        {
            if (b == t.Day)
            {
                continue;
            }

            var target = days[b];
            if (target.Count == 0)
            {
                if (usedEmpty)
                {
                    continue;
                }

                usedEmpty = true;
                var n0 = 0;
                _parts[n0++] = new ChainPart(_depotStart, null);
                _parts[n0++] = t.Part;
                n0 = AddEnd(n0, null);
                if (PriceChain(n0) < saving - Epsilon && Commit(t.Day, b, Without(t, kept), TripVisits(t)))
                {
                    return true;
                }

                continue;
            }

            var now = _caches[b].Cost;
            for (var q = 0; q <= target.Count; q++)
            {
                if (q > 0 && q < target.Count && !(target[q - 1] < 0 && target[q] >= 0))
                {
                    continue;
                }

                if (q == 0 && target[0] < 0)
                {
                    continue;
                }

                var n = 0;
                _parts[n++] = PrefixPart(b, q);
                int k;
                List<int> inserted;
                if (q < target.Count)
                {
                    // The trip, then a new unload between its last client and the visit at q.
                    k = BestUnload(t.LastNode, NodeOf(target[q]));
                    _parts[n++] = t.Part;
                    n = AddVisit(n, ~k);
                    n = AddEnd(n, SuffixPart(b, q));
                    if (PriceChain(n) - now >= saving - Epsilon)
                    {
                        continue;
                    }

                    inserted = new List<int>(target);
                    inserted.InsertRange(q, [.. TripVisits(t), ~k]);
                }
                else
                {
                    // After the day's end: an unload (unless the day already ends with one), then the trip.
                    k = target[^1] >= 0 ? BestUnload(NodeOf(target[^1]), t.FirstNode) : -1;
                    if (k >= 0)
                    {
                        n = AddVisit(n, ~k);
                    }

                    _parts[n++] = t.Part;
                    n = AddEnd(n, null);
                    if (PriceChain(n) - now >= saving - Epsilon)
                    {
                        continue;
                    }

                    inserted = new List<int>(target);
                    if (k >= 0)
                    {
                        inserted.Add(~k);
                    }

                    inserted.AddRange(TripVisits(t));
                }

                if (Commit(t.Day, b, Without(t, kept), inserted))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>SWAP trip <paramref name="i"/> with a trip of another day; the unloads on both sides of each moved trip are re-chosen.</summary>
    private bool SwapTrip(int i)
    {
        var t1 = _trips[i];
        for (var j = i + 1; j < _trips.Count; j++)
        {
            var t2 = _trips[j];
            if (t2.Day == t1.Day)
            {
                continue;
            }

            var now = _caches[t1.Day].Cost + _caches[t2.Day].Cost;
            var a = PriceReplaced(t1, t2, out var a1, out var a2);
            if (a >= now - Epsilon)
            {
                continue;
            }

            var b = PriceReplaced(t2, t1, out var b1, out var b2);
            if (a + b < now - Epsilon && Commit(t1.Day, t2.Day, Replaced(t1, t2, a1, a2), Replaced(t2, t1, b1, b2)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The price of the day of <paramref name="old"/> with <paramref name="trip"/> in its place, and the facilities chosen for the unloads before and after it (−1: none).</summary>
    private double PriceReplaced(in TripRef old, in TripRef trip, out int before, out int after)
    {
        var day = _days![old.Day];
        before = after = -1;
        var n = 0;
        if (old.Start > 0)
        {
            before = BestUnload(NodeBefore(old.Day, old.Start - 1), trip.FirstNode);
            _parts[n++] = PrefixPart(old.Day, old.Start - 1);
            n = AddVisit(n, ~before);
        }
        else
        {
            _parts[n++] = PrefixPart(old.Day, 0);
        }

        _parts[n++] = trip.Part;
        if (old.End + 1 < day.Count)
        {
            after = BestUnload(trip.LastNode, NodeAt(old.Day, old.End + 2));
            n = AddVisit(n, ~after);
            n = AddEnd(n, SuffixPart(old.Day, old.End + 2));
        }
        else
        {
            n = AddEnd(n, null);
        }

        return PriceChain(n);
    }

    private List<int> Replaced(in TripRef old, in TripRef trip, int before, int after)
    {
        var day = new List<int>(_days![old.Day]);
        day.RemoveRange(old.Start, old.End - old.Start + 1);
        day.InsertRange(old.Start, TripVisits(trip));
        if (before >= 0)
        {
            day[old.Start - 1] = ~before;
        }

        if (after >= 0)
        {
            day[old.Start + (trip.End - trip.Start) + 1] = ~after;
        }

        return day;
    }

    private List<int> TripVisits(in TripRef t) => _days![t.Day].GetRange(t.Start, t.End - t.Start + 1);
}
