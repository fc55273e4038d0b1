using System.Diagnostics;

namespace CitySort.Routing.Hgs;

/// <summary>
/// The genetic loop of the hybrid genetic search (Vidal 2022, algorithm 1): initial population of random giant
/// tours, then repeated OX crossover of two tournament parents, Split, local search, insertion in the population,
/// repair of infeasible offspring with tenfold penalties (probability 1/2), penalty adaptation every 100
/// iterations, and a restart after a number of iterations without improvement.
/// </summary>
internal sealed class HgsEngine
{
    private readonly HgsInstance _data;
    private readonly HgsParameters _parameters;
    private readonly HgsRandom _random;
    private readonly HgsSplit _split;
    private readonly HgsLocalSearch _localSearch;
    private readonly HgsPopulation _population;
    private readonly HgsIndividual _offspring;
    private readonly bool[] _taken;
    private readonly Stopwatch _clock = new();

    /// <summary>Creates the engine for one problem and seed.</summary>
    public HgsEngine(HgsInstance data, HgsParameters parameters, long seed)
    {
        _data = data;
        _parameters = parameters;
        _random = new HgsRandom(seed);
        _split = new HgsSplit(data);
        var swapStar = parameters.UseSwapStar && !data.HasTimeWindows && data.ClientCount > 1;
        _localSearch = new HgsLocalSearch(data, _random, Neighbours(data, parameters.Granularity), swapStar);
        _population = new HgsPopulation(data, parameters, _random);
        _offspring = new HgsIndividual(data);
        _taken = new bool[data.ClientCount + 1];
    }

    /// <summary>The number of genetic iterations done.</summary>
    public long Iterations { get; private set; }

    /// <summary>The wall-clock time of the last <see cref="Run"/> so far.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The number of local-search moves applied (a work counter).</summary>
    public long MovesApplied => _localSearch.MovesApplied;

    /// <summary>
    /// Runs the search until a stop condition holds and returns the best feasible solution, or the least-penalised
    /// infeasible one if none is feasible.
    /// </summary>
    /// <param name="maxRuntime">Wall-clock limit, or null.</param>
    /// <param name="maxIterations">Limit on genetic iterations, or null.</param>
    /// <param name="maxNoImprovement">Stop after this many iterations without improvement (no restart), or null.</param>
    /// <param name="onImprovement">Called with (elapsed, iteration, best) at each new best feasible solution.</param>
    /// <param name="cancellationToken">Stops the search at the next iteration.</param>
    public HgsIndividual Run(
        TimeSpan? maxRuntime,
        long? maxIterations,
        long? maxNoImprovement,
        Action<TimeSpan, long, HgsIndividual>? onImprovement,
        CancellationToken cancellationToken)
    {
        var clock = _clock;
        clock.Restart();
        bool Stop() => cancellationToken.IsCancellationRequested
            || (maxRuntime is { } t && clock.Elapsed >= t)
            || (maxIterations is { } m && Iterations >= m);

        var n = _data.ClientCount;
        if (n == 0)
        {
            _offspring.Evaluate(_data, 1, 1);
            return _offspring;
        }

        var restartAfter = maxNoImprovement ?? _parameters.IterationsBeforeRestart;
        var restarts = maxNoImprovement is null;
        var bestSeen = double.MaxValue;

        void Notice()
        {
            if (_population.HasFeasible && _population.BestOverall.PenalizedCost < bestSeen)
            {
                bestSeen = _population.BestOverall.PenalizedCost;
                onImprovement?.Invoke(clock.Elapsed, Iterations, _population.BestOverall);
            }
        }

        Initialise(Stop);
        Notice();
        long noImprovement = 1;
        while (!Stop())
        {
            if (!restarts && noImprovement > restartAfter)
            {
                break;
            }

            Iterations++;
            Crossover(_population.BinaryTournament(), _population.BinaryTournament());
            _localSearch.Run(_offspring, _population.PenaltyCapacity, _population.PenaltyTimeWarp);
            var improved = _population.Add(_offspring, true);
            if (!_offspring.IsFeasible && _random.Next(2) == 0)
            {
                _localSearch.Run(_offspring, _population.PenaltyCapacity * 10, _population.PenaltyTimeWarp * 10);
                if (_offspring.IsFeasible)
                {
                    improved = _population.Add(_offspring, false) || improved;
                }
            }

            noImprovement = improved ? 1 : noImprovement + 1;
            if (Iterations % 100 == 0)
            {
                _population.ManagePenalties();
            }

            Notice();
            if (restarts && noImprovement == restartAfter)
            {
                _population.Restart();
                Initialise(Stop);
                noImprovement = 1;
            }
        }

        return _population.HasFeasible ? _population.BestOverall : _population.BestInfeasible;
    }

    private void Initialise(Func<bool> stop)
    {
        var n = _data.ClientCount;
        var full = 4 * _parameters.MinimumPopulationSize;
        var target = _parameters.InitialPopulationSize
            ?? Math.Max(_parameters.MinimumPopulationSize, Math.Min(full, full * 250 / Math.Max(1, n)));
        for (var i = 0; i < target && (i == 0 || !stop()); i++)
        {
            for (var k = 0; k < n; k++)
            {
                _offspring.Tour[k] = k + 1;
            }

            _random.Shuffle(_offspring.Tour);
            _split.Run(_offspring, _population.PenaltyCapacity, _population.PenaltyTimeWarp);
            _localSearch.Run(_offspring, _population.PenaltyCapacity, _population.PenaltyTimeWarp);
            _population.Add(_offspring, true);
            if (!_offspring.IsFeasible && _random.Next(2) == 0)
            {
                _localSearch.Run(_offspring, _population.PenaltyCapacity * 10, _population.PenaltyTimeWarp * 10);
                if (_offspring.IsFeasible)
                {
                    _population.Add(_offspring, false);
                }
            }
        }
    }

    // Ordered crossover (OX) of two giant tours, then Split.
    private void Crossover(HgsIndividual p1, HgsIndividual p2)
    {
        var n = _data.ClientCount;
        var tour = _offspring.Tour;
        if (n == 1)
        {
            tour[0] = p1.Tour[0];
        }
        else
        {
            var start = _random.Next(n);
            var end = _random.Next(n);
            while (end == start)
            {
                end = _random.Next(n);
            }

            Array.Clear(_taken);
            var j = start;
            while (j % n != (end + 1) % n)
            {
                var c = p1.Tour[j % n];
                tour[j % n] = c;
                _taken[c] = true;
                j++;
            }

            for (var i = 1; i <= n; i++)
            {
                var c = p2.Tour[(end + i) % n];
                if (!_taken[c])
                {
                    tour[j % n] = c;
                    j++;
                }
            }
        }

        _split.Run(_offspring, _population.PenaltyCapacity, _population.PenaltyTimeWarp, OffspringRouteLimit(p1));
    }

    /// <summary>
    /// The route limit of an offspring's split. Without time windows it is the first parent's route count, but never
    /// below the bin-packing bound ⌈total demand / capacity⌉, as in the reference implementation (Vidal 2022): an
    /// offspring then does not open routes its parent managed without. With time windows the fleet is the limit.
    /// </summary>
    private int? OffspringRouteLimit(HgsIndividual parent)
    {
        if (_data.HasTimeWindows || !_parameters.LimitOffspringRoutes)
        {
            return null;
        }

        var bound = (int)Math.Min(_data.MaxRoutes, (_data.TotalDemand + _data.Capacity - 1) / Math.Max(1, _data.Capacity));
        return Math.Max(parent.RouteCount, bound);
    }

    /// <summary>
    /// Granular neighbourhoods: for each client its Gamma closest clients, symmetrised. With time windows the
    /// closeness adds waiting and time-warp terms (weights 0.2 and 1, as in PyVRP).
    /// </summary>
    private static int[][] Neighbours(HgsInstance data, int gamma)
    {
        var n = data.ClientCount;
        var sets = new HashSet<int>[n + 1];
        for (var i = 0; i <= n; i++)
        {
            sets[i] = [];
        }

        var keys = new double[n];
        var ids = new int[n];
        var k = Math.Min(gamma, n - 1);
        for (var i = 1; i <= n; i++)
        {
            var m = 0;
            for (var j = 1; j <= n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double key = data.D(i, j);
                if (data.HasTimeWindows)
                {
                    long t = data.TravelTime[(i * data.Stride) + j];
                    var wait = Math.Max(data.Early[j] - t - data.Service[i] - data.Late[i], 0);
                    var warp = Math.Max(data.Early[i] + data.Service[i] + t - data.Late[j], 0);
                    key += (0.2 * wait) + warp;
                }

                keys[m] = key;
                ids[m] = j;
                m++;
            }

            Array.Sort(keys, ids, 0, m);
            for (var q = 0; q < k; q++)
            {
                sets[i].Add(ids[q]);
                sets[ids[q]].Add(i);
            }
        }

        var result = new int[n + 1][];
        result[0] = [];
        for (var i = 1; i <= n; i++)
        {
            result[i] = [.. sets[i]];
            Array.Sort(result[i]);
        }

        return result;
    }
}
