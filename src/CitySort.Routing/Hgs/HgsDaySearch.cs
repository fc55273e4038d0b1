using System.Diagnostics;

namespace CitySort.Routing.Hgs;

/// <summary>
/// Hybrid genetic search on whole vehicle days, for problems whose vehicles unload at facilities or have day rules
/// (break, load or clients per day, fixed cost). A search route is one vehicle's day: depot, clients and facility
/// visits in order, depot. When the split makes a day from a stretch of a giant tour, an exact dynamic programme over
/// the unload positions places its unloads (minimal distance, every trip within capacity, the facility of each unload
/// chosen for the cheapest detour between its two neighbours); the local search then moves clients and unloads on the
/// explicit days (see the partial file of the moves). A day is priced with its windows, unloading durations, the
/// shift and the break (in the gap, and before or after that gap's drive, that leaves the least time warp), and with
/// penalties for what breaks a rule: time warp, load over a trip's capacity or the day limit, clients over the day
/// limit. So depot legs, facility legs, the shared shift and the break are priced inside the search, not repaired
/// afterwards.
/// </summary>
/// <remarks>
/// The genetic part follows Vidal (2022) in a compact form: giant tours recombined by ordered crossover, a greedy split
/// into days, granular local search (relocate, swap, 2-opt* between days, 2-opt within a day, unload insert, remove and
/// change, a move into an unused vehicle, relocation and swap of whole trips between days, route elimination), adaptive penalties steered towards a target share of feasible local-search
/// outcomes, infeasible offspring repaired at ten times the penalties with half probability, and feasible and
/// infeasible subpopulations kept apart. Moves are priced in constant time from forward and backward segments of each
/// day (Vidal et al. 2013) and confirmed by an exact evaluation of the changed days before they are applied.
/// Deterministic for a seed when stopped by iterations.
/// </remarks>
internal sealed partial class HgsDaySearch
{
    private const int SubpopulationSize = 25;

    private readonly Problem _problem;
    private readonly VehicleType _type;
    private readonly int _typeIndex;
    private readonly int _vehicles;
    private readonly int _clients;
    private readonly int _depot;
    private readonly int[] _facilityNodes;
    private readonly int[] _facilityIndex;
    private readonly long[] _demand;
    private readonly long[] _service;
    private readonly long[] _earliest;
    private readonly long[] _latest;
    private readonly int[][] _neighbours;
    private readonly HgsRandom _random;
    private readonly Stopwatch _clock = new();
    private readonly DayEvaluator _evaluator;
    private double _penaltyTime;
    private double _penaltyLoad;
    private double _penaltyClients;
    private Func<bool> _stop = () => false;

    public HgsDaySearch(Problem problem, int granularity, long seed)
    {
        _problem = problem;
        _typeIndex = 0;
        _type = problem.VehicleTypes[0];
        foreach (var other in problem.VehicleTypes)
        {
            if (!(other.DepotIndex == _type.DepotIndex && other.Capacity == _type.Capacity && other.ShiftWindow == _type.ShiftWindow
                    && other.MaxTripsPerVehicle == _type.MaxTripsPerVehicle && other.UnloadingFacilities.SequenceEqual(_type.UnloadingFacilities)
                    && other.Break == _type.Break && other.MaxLoadPerDay == _type.MaxLoadPerDay && other.MaxClientsPerDay == _type.MaxClientsPerDay
                    && other.FixedCost == _type.FixedCost))
            {
                throw new NotSupportedException("The hybrid genetic search plans one kind of vehicle at a time: all vehicle types must share depot, capacity, shift, trips, unloading facilities, break, day limits and fixed cost. Solve each kind separately.");
            }
        }

        _clients = problem.Clients.Count;
        var total = problem.VehicleTypes.Sum(t => (long)t.Count);
        _vehicles = (int)Math.Max(1, Math.Min(total, _clients));
        _depot = problem.DepotNode(_type.DepotIndex);
        _facilityIndex = [.. _type.UnloadingFacilities];
        _facilityNodes = _facilityIndex.Select(problem.FacilityNode).ToArray();
        _demand = problem.Clients.Select(c => c.Demand.Value).ToArray();
        _service = problem.Clients.Select(c => c.ServiceDuration.Value).ToArray();
        _earliest = problem.Clients.Select(c => c.TimeWindow!.Value.Earliest.Value).ToArray();
        _latest = problem.Clients.Select(c => c.TimeWindow!.Value.Latest.Value).ToArray();
        _random = new HgsRandom(seed);
        _neighbours = new int[_clients][];
        for (var u = 0; u < _clients; u++)
        {
            var nu = problem.ClientNode(u);
            _neighbours[u] = Enumerable.Range(0, _clients).Where(v => v != u)
                .OrderBy(v => Math.Min(problem.Distance(nu, problem.ClientNode(v)).Value, problem.Distance(problem.ClientNode(v), nu).Value))
                .ThenBy(v => v)
                .Take(granularity)
                .ToArray();
        }

        long maxArc = 1;
        long maxTravel = 1;
        for (var i = 0; i < problem.NodeCount; i++)
        {
            foreach (var d in problem.DistanceRow(i))
            {
                maxArc = Math.Max(maxArc, d);
            }

            foreach (var t in problem.DurationRow(i))
            {
                maxTravel = Math.Max(maxTravel, t);
            }
        }

        var maxDemand = Math.Max(1, _demand.DefaultIfEmpty(1).Max());
        // A unit of time warp starts at the price of the distance driven in a unit of time.
        _penaltyTime = Math.Clamp(maxArc / (double)maxTravel, 0.1, 100_000);
        _penaltyLoad = Math.Clamp(maxArc / (double)maxDemand, 0.1, 100_000);
        _penaltyClients = maxArc;
        _evaluator = new DayEvaluator(this);
        PrepareSegments();
    }

    public long Iterations { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Runs the search and returns the best solution: the cheapest feasible one, else the least penalised.</summary>
    public Solution Run(
        TimeSpan? maxRuntime,
        long? maxIterations,
        long? maxWithoutImprovement,
        Action<TimeSpan, long, long, bool> onImprovement,
        CancellationToken cancellationToken)
    {
        _clock.Restart();
        var feasible = new List<Individual>();
        var infeasible = new List<Individual>();
        Individual? best = null;
        var lastImprovement = 0L;
        var feasibleOutcomes = new Queue<bool>();

        bool Stop() =>
            cancellationToken.IsCancellationRequested
            || (maxRuntime is { } t && _clock.Elapsed >= t)
            || (maxIterations is { } n && Iterations >= n)
            || (maxWithoutImprovement is { } w && Iterations - lastImprovement >= w);

        // Inside a local search only the clock and cancellation stop early (iteration limits count whole offspring).
        _stop = () => cancellationToken.IsCancellationRequested || (maxRuntime is { } t && _clock.Elapsed >= t);

        void Consider(Individual individual)
        {
            if (best is null || Better(individual, best))
            {
                best = individual.Copy();
                lastImprovement = Iterations;
                onImprovement(_clock.Elapsed, Iterations, best.Cost, best.Feasible);
            }
        }

        void Insert(Individual individual)
        {
            var population = individual.Feasible ? feasible : infeasible;
            if (population.Any(p => p.SameRoutes(individual)))
            {
                return;
            }

            population.Add(individual);
            if (population.Count > SubpopulationSize)
            {
                population.Sort((a, b) => a.Penalised.CompareTo(b.Penalised));
                population.RemoveAt(population.Count - 1);
            }
        }

        // Initial population: random giant tours, split and improved, plus one by polar angle around the depot.
        var initial = Math.Min(2 * SubpopulationSize, Math.Max(4, 4000 / Math.Max(1, _clients)));
        for (var i = 0; i < initial && !Stop(); i++)
        {
            var tour = Enumerable.Range(0, _clients).ToArray();
            if (i == 0)
            {
                var depot = _problem.Depots[_type.DepotIndex];
                tour = [.. tour.OrderBy(c => Math.Atan2(_problem.Clients[c].Y - depot.Y, _problem.Clients[c].X - depot.X))];
            }
            else
            {
                _random.Shuffle(tour);
            }

            var individual = Educate(tour, feasibleOutcomes);
            Iterations++;
            Insert(individual);
            Consider(individual);
        }

        while (!Stop() && best is not null)
        {
            var parentA = Tournament(feasible, infeasible);
            var parentB = Tournament(feasible, infeasible);
            var child = Educate(Crossover(parentA.GiantTour(), parentB.GiantTour()), feasibleOutcomes);
            if (!child.Feasible && _random.Next(2) == 0)
            {
                var (pt, pl, pc) = (_penaltyTime, _penaltyLoad, _penaltyClients);
                (_penaltyTime, _penaltyLoad, _penaltyClients) = (pt * 10, pl * 10, pc * 10);
                LocalSearch(child);
                (_penaltyTime, _penaltyLoad, _penaltyClients) = (pt, pl, pc);
                child.Evaluate(this);
                if (child.Feasible)
                {
                    Insert(child.Copy());
                }
            }

            Iterations++;
            Insert(child);
            Consider(child);
            if (Iterations % 50 == 0)
            {
                AdaptPenalties(feasibleOutcomes);
                foreach (var p in infeasible)
                {
                    p.Evaluate(this);
                }
            }
        }

        return best is null ? new Solution([], Distance.Zero) : ToSolution(best);
    }

    /// <summary>
    /// Runs the local search alone on the given explicit days (client indices, facility visits as complements, one
    /// list per vehicle, changed in place) and returns the exact cost of the result; for tests of single moves.
    /// </summary>
    internal long Improve(List<int>[] days)
    {
        _clock.Restart();
        _stop = () => false;
        var individual = new Individual(days);
        LocalSearch(individual);
        individual.Evaluate(this);
        return individual.Cost;
    }

    private static bool Better(Individual a, Individual b) =>
        a.Feasible != b.Feasible ? a.Feasible : a.Feasible ? a.Cost < b.Cost : a.Penalised < b.Penalised;

    private Individual Tournament(List<Individual> feasible, List<Individual> infeasible)
    {
        var count = feasible.Count + infeasible.Count;
        Individual Pick()
        {
            var k = _random.Next(count);
            return k < feasible.Count ? feasible[k] : infeasible[k - feasible.Count];
        }

        var a = Pick();
        var b = Pick();
        return a.Penalised <= b.Penalised ? a : b;
    }

    private int[] Crossover(int[] a, int[] b)
    {
        var n = a.Length;
        var child = new int[n];
        if (n < 2)
        {
            Array.Copy(a, child, n);
            return child;
        }

        var start = _random.Next(n);
        var end = _random.Next(n);
        while (end == start)
        {
            end = _random.Next(n);
        }

        var taken = new bool[_clients];
        var i = start;
        while (i != (end + 1) % n)
        {
            child[i] = a[i];
            taken[a[i]] = true;
            i = (i + 1) % n;
        }

        var write = (end + 1) % n;
        for (var k = 0; k < n; k++)
        {
            var c = b[(end + 1 + k) % n];
            if (!taken[c])
            {
                child[write] = c;
                write = (write + 1) % n;
            }
        }

        return child;
    }

    private Individual Educate(int[] tour, Queue<bool> outcomes)
    {
        var individual = new Individual(Split(tour));
        LocalSearch(individual);
        individual.Evaluate(this);
        outcomes.Enqueue(individual.Feasible);
        if (outcomes.Count > 100)
        {
            outcomes.Dequeue();
        }

        return individual;
    }

    private void AdaptPenalties(Queue<bool> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var share = outcomes.Count(o => o) / (double)outcomes.Count;
        var factor = share < 0.2 ? 1.2 : share > 0.25 ? 0.85 : 1.0;
        _penaltyTime = Math.Clamp(_penaltyTime * factor, 0.1, 1e7);
        _penaltyLoad = Math.Clamp(_penaltyLoad * factor, 0.1, 100_000);
        _penaltyClients = Math.Clamp(_penaltyClients * factor, 0.1, 1e12);
    }

    /// <summary>Greedy split: a day takes clients in tour order while it stays feasible; the last vehicle takes the rest.</summary>
    private List<int>[] Split(int[] tour)
    {
        var days = new List<int>[_vehicles];
        for (var v = 0; v < _vehicles; v++)
        {
            days[v] = [];
        }

        var day = 0;
        foreach (var c in tour)
        {
            days[day].Add(c);
            if (day < _vehicles - 1 && days[day].Count > 1 && !_evaluator.Evaluate(days[day]).Feasible)
            {
                days[day].RemoveAt(days[day].Count - 1);
                day++;
                days[day].Add(c);
            }
        }

        // Each day's unloads where the dynamic programme puts them; the last one stays implied.
        for (var v = 0; v < _vehicles; v++)
        {
            if (days[v].Count == 0 || _facilityNodes.Length == 0)
            {
                continue;
            }

            var plan = _evaluator.Evaluate(days[v], withPlan: true);
            var explicitDay = new List<int>();
            var start = 0;
            for (var t = 0; t < plan.UnloadAfter!.Count; t++)
            {
                var end = plan.UnloadAfter[t];
                explicitDay.AddRange(days[v].Skip(start).Take(end - start + 1));
                if (t < plan.UnloadAfter.Count - 1)
                {
                    explicitDay.Add(~plan.UnloadFacility![t]);
                }

                start = end + 1;
            }

            days[v] = explicitDay;
        }

        return days;
    }

    private double Penalised(in DayResult r) =>
        r.Distance + r.FixedCost + (_penaltyTime * r.TimeWarp) + (_penaltyLoad * r.LoadExcess) + (_penaltyClients * r.ClientExcess);

    private Solution ToSolution(Individual best)
    {
        var routes = new List<Route>();
        foreach (var day in best.Days.Where(d => d.Count > 0))
        {
            var trips = new List<Trip>();
            var clients = new List<int>();
            foreach (var visit in day)
            {
                if (visit >= 0)
                {
                    clients.Add(visit);
                }
                else if (clients.Count > 0)
                {
                    trips.Add(new Trip(clients, _facilityIndex[~visit]));
                    clients = [];
                }
            }

            if (clients.Count > 0)
            {
                var last = _endFacility[_problem.ClientNode(clients[^1])];
                trips.Add(new Trip(clients, last >= 0 ? _facilityIndex[last] : null));
            }

            routes.Add(new Route(_typeIndex, trips));
        }

        return Solution.FromRoutes(_problem, routes);
    }

    /// <summary>One solution: the clients of every vehicle's day, with its evaluation.</summary>
    private sealed class Individual(List<int>[] days)
    {
        public List<int>[] Days { get; } = days;

        public long Cost { get; private set; }

        public double Penalised { get; private set; }

        public bool Feasible { get; private set; }

        public void Evaluate(HgsDaySearch owner)
        {
            long cost = 0;
            double penalised = 0;
            var feasible = true;
            foreach (var day in Days)
            {
                var r = owner.EvaluateExact(day);
                cost += r.Distance + r.FixedCost;
                penalised += owner.Penalised(r);
                feasible &= r.Feasible;
            }

            (Cost, Penalised, Feasible) = (cost, penalised, feasible);
        }

        public int[] GiantTour() => [.. Days.SelectMany(d => d).Where(v => v >= 0)];

        public bool SameRoutes(Individual other) =>
            Cost == other.Cost && Days.Where(d => d.Count > 0).Select(d => string.Join(',', d)).Order(StringComparer.Ordinal)
                .SequenceEqual(other.Days.Where(d => d.Count > 0).Select(d => string.Join(',', d)).Order(StringComparer.Ordinal));

        public Individual Copy()
        {
            var copy = new Individual([.. Days.Select(d => new List<int>(d))]);
            (copy.Cost, copy.Penalised, copy.Feasible) = (Cost, Penalised, Feasible);
            return copy;
        }
    }

    /// <summary>What one day costs and which rules it breaks, and where it unloads when asked.</summary>
    private readonly record struct DayResult(
        long Distance, long FixedCost, long TimeWarp, long LoadExcess, long ClientExcess, List<int>? UnloadAfter, List<int>? UnloadFacility)
    {
        public bool Feasible => TimeWarp == 0 && LoadExcess == 0 && ClientExcess == 0;
    }

    /// <summary>Evaluates a day: unload positions and facilities by dynamic programme, then the schedule.</summary>
    private sealed class DayEvaluator(HgsDaySearch owner)
    {
        private long[] _f = new long[16];
        private int[] _from = new int[16];
        private long[] _unloadCost = new long[16];
        private int[] _unloadFacility = new int[16];
        private long[] _directPrefix = new long[16];
        private long[] _loadPrefix = new long[16];
        private readonly List<(int Node, long Earliest, long Latest, long Service)> _stops = [];
        private Segment[] _prefix = new Segment[16];
        private Segment[] _suffix = new Segment[16];

        public HgsDaySearch Owner => owner;

        public DayResult Evaluate(List<int> day, bool withPlan = false)
        {
            var m = day.Count;
            if (m == 0)
            {
                return new DayResult(0, 0, 0, 0, 0, withPlan ? [] : null, withPlan ? [] : null);
            }

            var p = owner._problem;
            var type = owner._type;
            Ensure(m + 2);
            var capacity = type.Capacity.Value;
            var facilities = owner._facilityNodes;
            _loadPrefix[0] = 0;
            _directPrefix[0] = 0;
            for (var j = 1; j <= m; j++)
            {
                _loadPrefix[j] = _loadPrefix[j - 1] + owner._demand[day[j - 1]];
                _directPrefix[j] = j < m ? _directPrefix[j - 1] + p.Distance(p.ClientNode(day[j - 1]), p.ClientNode(day[j])).Value : _directPrefix[j - 1];
                var here = p.ClientNode(day[j - 1]);
                var next = j < m ? p.ClientNode(day[j]) : owner._depot;
                long bestCost = long.MaxValue;
                var bestFacility = -1;
                if (facilities.Length == 0)
                {
                    bestCost = j < m ? long.MaxValue / 4 : p.Distance(here, next).Value;
                }

                for (var k = 0; k < facilities.Length; k++)
                {
                    var c = p.Distance(here, facilities[k]).Value + p.Distance(facilities[k], next).Value;
                    if (c < bestCost)
                    {
                        (bestCost, bestFacility) = (c, k);
                    }
                }

                _unloadCost[j] = bestCost;
                _unloadFacility[j] = bestFacility;
            }

            long loadExcess = 0;
            _f[0] = p.Distance(owner._depot, p.ClientNode(day[0])).Value;
            if (facilities.Length == 0)
            {
                // One trip back to the depot: the whole day's load counts against the capacity.
                _f[m] = _f[0] + _directPrefix[m - 1] + _unloadCost[m];
                _from[m] = 0;
                loadExcess += Math.Max(0, _loadPrefix[m] - capacity);
            }
            else
            {
                for (var j = 1; j <= m; j++)
                {
                    _f[j] = long.MaxValue;
                    for (var i = j - 1; i >= 0 && _loadPrefix[j] - _loadPrefix[i] <= capacity; i--)
                    {
                        var c = _f[i] + (_directPrefix[j - 1] - _directPrefix[i]) + _unloadCost[j];
                        if (c < _f[j])
                        {
                            _f[j] = c;
                            _from[j] = i;
                        }
                    }
                }
            }

            // The unloads, last to first.
            var unloads = new List<int>();
            for (var j = m; j > 0; j = _from[j])
            {
                unloads.Add(j);
            }

            unloads.Reverse();

            // The schedule: stops in order, then the break in the last gap where it may start.
            _stops.Clear();
            var u = 0;
            for (var j = 1; j <= m; j++)
            {
                var c = day[j - 1];
                _stops.Add((p.ClientNode(c), owner._earliest[c], owner._latest[c], owner._service[c]));
                if (u < unloads.Count && unloads[u] == j)
                {
                    if (_unloadFacility[j] >= 0)
                    {
                        var fi = owner._facilityIndex[_unloadFacility[j]];
                        var facility = p.Facilities[fi];
                        _stops.Add((facilities[_unloadFacility[j]], facility.TimeWindow.Earliest.Value, facility.TimeWindow.Latest.Value, facility.ServiceDuration.Value));
                    }

                    u++;
                }
            }

            var shift = type.ShiftWindow!.Value;
            var warp = Schedule(out var back) + Math.Max(0, back - shift.Latest.Value);
            if (type.Break is { } meal && back > meal.StartWindow.Latest.Value)
            {
                warp = BreakWarp(meal, shift);
            }

            if (type.MaxLoadPerDay is { } dayLoad)
            {
                loadExcess += Math.Max(0, _loadPrefix[m] - dayLoad.Value);
            }

            var clientExcess = type.MaxClientsPerDay is { } dayClients ? Math.Max(0, m - dayClients) : 0;
            List<int>? unloadAfter = null;
            List<int>? unloadFacility = null;
            if (withPlan)
            {
                unloadAfter = [.. unloads.Select(j => j - 1)];
                unloadFacility = [.. unloads.Select(j => _unloadFacility[j])];
            }

            return new DayResult(_f[m], type.FixedCost.Value, warp, loadExcess, clientExcess, unloadAfter, unloadFacility);
        }

        /// <summary>Times the stops from the start of the shift without a break, with time warp; reports the return time.</summary>
        private long Schedule(out long back)
        {
            var p = owner._problem;
            var time = owner._type.ShiftWindow!.Value.Earliest.Value;
            var at = owner._depot;
            long warp = 0;
            foreach (var stop in _stops)
            {
                var start = Math.Max(time + p.TravelDuration(at, stop.Node).Value, stop.Earliest);
                if (start > stop.Latest)
                {
                    warp += start - stop.Latest;
                    start = stop.Latest;
                }

                time = start + stop.Service;
                at = stop.Node;
            }

            back = time + p.TravelDuration(at, owner._depot).Value;
            return warp;
        }

        /// <summary>
        /// The least time warp of the day with its break in the best gap: prefix and suffix time segments (Vidal et al.
        /// 2013) around a break segment, the break taken before the drive of its gap or after it (both within the rule
        /// that it starts by the window's close and adds no travel), every gap and both variants in linear time.
        /// </summary>
        private long BreakWarp(VehicleBreak meal, TimeWindow shift)
        {
            var n = _stops.Count;
            if (_prefix.Length < n + 2)
            {
                _prefix = new Segment[(n + 2) * 2];
                _suffix = new Segment[(n + 2) * 2];
            }

            var depotStart = new Segment(owner._depot, owner._depot, 0, 0, shift.Earliest.Value, shift.Latest.Value);
            var depotEnd = depotStart;
            _prefix[0] = depotStart;
            for (var i = 0; i < n; i++)
            {
                _prefix[i + 1] = Merge(_prefix[i], StopSegment(i), Travel(_prefix[i].Last, _stops[i].Node));
            }

            _suffix[n] = depotEnd;
            for (var i = n - 1; i >= 0; i--)
            {
                _suffix[i] = Merge(StopSegment(i), _suffix[i + 1], Travel(_stops[i].Node, _suffix[i + 1].First));
            }

            var meal0 = new Segment(-1, -1, meal.Duration.Value, 0, meal.StartWindow.Earliest.Value, meal.StartWindow.Latest.Value);
            var best = long.MaxValue;
            for (var g = 0; g <= n; g++)
            {
                var tau = Travel(_prefix[g].Last, _suffix[g].First);
                var before = Merge(Merge(_prefix[g], meal0, 0), _suffix[g], tau).TimeWarp;
                var after = Merge(Merge(_prefix[g], meal0, tau), _suffix[g], 0).TimeWarp;
                best = Math.Min(best, Math.Min(before, after));
            }

            return best;
        }

        private Segment StopSegment(int i) => new(_stops[i].Node, _stops[i].Node, _stops[i].Service, 0, _stops[i].Earliest, _stops[i].Latest);

        private long Travel(int from, int to) => owner._problem.TravelDuration(from, to).Value;

        private static Segment Merge(in Segment a, in Segment b, long travel)
        {
            var delta = a.Duration - a.TimeWarp + travel;
            var wait = Math.Max(b.Early - delta - a.Late, 0);
            var warp = Math.Max(a.Early + delta - b.Late, 0);
            return new Segment(
                a.First,
                b.Last,
                a.Duration + b.Duration + travel + wait,
                a.TimeWarp + b.TimeWarp + warp,
                Math.Max(b.Early - delta, a.Early) - wait,
                Math.Min(b.Late - delta, a.Late) + warp);
        }

        private void Ensure(int size)
        {
            if (_f.Length >= size)
            {
                return;
            }

            var n = Math.Max(size, _f.Length * 2);
            _f = new long[n];
            _from = new int[n];
            _unloadCost = new long[n];
            _unloadFacility = new int[n];
            _directPrefix = new long[n];
            _loadPrefix = new long[n];
        }
    }

    /// <summary>
    /// Time data of a stretch of a day for O(1) concatenation: first and last matrix node (−1 for the break, which has
    /// no place of its own), duration, time warp, earliest and latest start.
    /// </summary>
    private readonly record struct Segment(int First, int Last, long Duration, long TimeWarp, long Early, long Late);
}
