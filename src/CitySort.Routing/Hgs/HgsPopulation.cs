namespace CitySort.Routing.Hgs;

/// <summary>
/// The feasible and infeasible subpopulations with biased fitness (cost rank plus diversity contribution by
/// broken-pairs distance), survivor selection that removes clones first, binary tournaments and the adaptive
/// penalty weights (Vidal 2022, sections 3.2–3.4; Vidal et al. 2012).
/// </summary>
internal sealed class HgsPopulation
{
    private readonly HgsInstance _data;
    private readonly HgsParameters _parameters;
    private readonly HgsRandom _random;
    private readonly List<HgsIndividual> _feasible = [];
    private readonly List<HgsIndividual> _infeasible = [];
    private readonly Queue<bool> _recentLoadFeasible = new();
    private readonly Queue<bool> _recentTimeFeasible = new();
    private readonly List<(double Key, int Index)> _ranking = [];
    private readonly Stack<HgsIndividual> _spare = new();

    /// <summary>Creates an empty population.</summary>
    public HgsPopulation(HgsInstance data, HgsParameters parameters, HgsRandom random)
    {
        _data = data;
        _parameters = parameters;
        _random = random;
        PenaltyCapacity = Math.Max(0.1, Math.Min(1000.0, data.MaxDistance / (double)data.MaxDemand));
        PenaltyTimeWarp = parameters.InitialPenaltyTimeWarp ?? DefaultPenaltyTimeWarp(data);
        BestOverall = new HgsIndividual(data) { PenalizedCost = double.MaxValue };
        BestOfRestart = new HgsIndividual(data) { PenalizedCost = double.MaxValue };
        BestInfeasible = new HgsIndividual(data) { PenalizedCost = double.MaxValue };
    }

    /// <summary>The current weight of one unit of excess load.</summary>
    public double PenaltyCapacity { get; private set; }

    /// <summary>The current weight of one unit of time warp.</summary>
    public double PenaltyTimeWarp { get; private set; }

    /// <summary>The best feasible solution found in the whole run (cost = distance), or cost MaxValue.</summary>
    public HgsIndividual BestOverall { get; }

    /// <summary>True when <see cref="BestOverall"/> holds a solution.</summary>
    public bool HasFeasible { get; private set; }

    /// <summary>The best feasible solution since the last restart.</summary>
    public HgsIndividual BestOfRestart { get; }

    /// <summary>The least-penalised infeasible solution seen, a fallback when nothing feasible is found.</summary>
    public HgsIndividual BestInfeasible { get; }

    /// <summary>The total number of individuals held.</summary>
    public int Count => _feasible.Count + _infeasible.Count;

    /// <summary>
    /// Adds a copy of <paramref name="indiv"/> to its subpopulation; returns true when it improves the best feasible
    /// solution of the current restart.
    /// </summary>
    public bool Add(HgsIndividual indiv, bool recordFeasibility)
    {
        if (recordFeasibility)
        {
            Record(_recentLoadFeasible, indiv.ExcessLoad == 0);
            Record(_recentTimeFeasible, indiv.TimeWarp == 0);
        }

        var subpop = indiv.IsFeasible ? _feasible : _infeasible;
        var copy = _spare.Count > 0 ? _spare.Pop() : new HgsIndividual(_data);
        copy.CopyFrom(indiv);
        copy.Proximity.Clear();
        foreach (var other in subpop)
        {
            var d = copy.BrokenPairsDistance(other);
            other.AddProximity(d, copy);
            copy.AddProximity(d, other);
        }

        var place = subpop.Count;
        while (place > 0 && subpop[place - 1].PenalizedCost > copy.PenalizedCost + 1e-9)
        {
            place--;
        }

        subpop.Insert(place, copy);
        if (subpop.Count > _parameters.MinimumPopulationSize + _parameters.GenerationSize)
        {
            while (subpop.Count > _parameters.MinimumPopulationSize)
            {
                RemoveWorstBiasedFitness(subpop);
            }
        }

        if (!indiv.IsFeasible && indiv.PenalizedCost < BestInfeasible.PenalizedCost && !HasFeasible)
        {
            BestInfeasible.CopyFrom(indiv);
        }

        if (indiv.IsFeasible && indiv.Distance < BestOfRestart.PenalizedCost - 1e-9)
        {
            BestOfRestart.CopyFrom(indiv);
            BestOfRestart.PenalizedCost = indiv.Distance;
            if (indiv.Distance < BestOverall.PenalizedCost - 1e-9)
            {
                BestOverall.CopyFrom(indiv);
                BestOverall.PenalizedCost = indiv.Distance;
                HasFeasible = true;
            }

            return true;
        }

        return false;
    }

    /// <summary>Picks a parent by binary tournament on biased fitness over both subpopulations.</summary>
    public HgsIndividual BinaryTournament()
    {
        UpdateBiasedFitness(_feasible);
        UpdateBiasedFitness(_infeasible);
        var total = Count;
        var a = Pick(_random.Next(total));
        var b = Pick(_random.Next(total));
        return a.BiasedFitness < b.BiasedFitness ? a : b;
    }

    /// <summary>Adapts the penalty weights towards the target share of feasible outcomes and reprices the infeasible subpopulation.</summary>
    public void ManagePenalties()
    {
        PenaltyCapacity = Adapt(PenaltyCapacity, _recentLoadFeasible);
        if (_data.HasTimeWindows)
        {
            PenaltyTimeWarp = Adapt(PenaltyTimeWarp, _recentTimeFeasible);
        }

        foreach (var indiv in _infeasible)
        {
            indiv.Reprice(PenaltyCapacity, PenaltyTimeWarp);
        }

        // Insertion sort: the order changes little.
        for (var i = 1; i < _infeasible.Count; i++)
        {
            var x = _infeasible[i];
            var j = i - 1;
            while (j >= 0 && _infeasible[j].PenalizedCost > x.PenalizedCost + 1e-9)
            {
                _infeasible[j + 1] = _infeasible[j];
                j--;
            }

            _infeasible[j + 1] = x;
        }
    }

    /// <summary>Empties both subpopulations and forgets the best of the restart (the overall best is kept).</summary>
    public void Restart()
    {
        foreach (var i in _feasible)
        {
            i.Proximity.Clear();
            _spare.Push(i);
        }

        foreach (var i in _infeasible)
        {
            i.Proximity.Clear();
            _spare.Push(i);
        }

        _feasible.Clear();
        _infeasible.Clear();
        BestOfRestart.PenalizedCost = double.MaxValue;
    }

    private static double DefaultPenaltyTimeWarp(HgsInstance data)
    {
        double distance = 0;
        double time = 0;
        for (var i = 0; i < data.Distance.Length; i++)
        {
            distance += data.Distance[i];
            time += data.TravelTime[i];
        }

        var perTime = time > 0 ? distance / time : 1.0;
        return Math.Clamp(20.0 * perTime, 0.1, 100000.0);
    }

    private HgsIndividual Pick(int i) => i < _feasible.Count ? _feasible[i] : _infeasible[i - _feasible.Count];

    private double Adapt(double penalty, Queue<bool> recent)
    {
        if (recent.Count == 0)
        {
            return penalty;
        }

        var feasible = 0;
        foreach (var f in recent)
        {
            if (f)
            {
                feasible++;
            }
        }

        var fraction = feasible / (double)recent.Count;
        if (fraction < _parameters.TargetFeasible - 0.05 && penalty < 100000)
        {
            return Math.Min(penalty * 1.2, 100000);
        }

        if (fraction > _parameters.TargetFeasible + 0.05 && penalty > 0.1)
        {
            return Math.Max(penalty * 0.85, 0.1);
        }

        return penalty;
    }

    private static void Record(Queue<bool> q, bool value)
    {
        q.Enqueue(value);
        if (q.Count > 100)
        {
            q.Dequeue();
        }
    }

    private void UpdateBiasedFitness(List<HgsIndividual> subpop)
    {
        var size = subpop.Count;
        if (size == 0)
        {
            return;
        }

        if (size == 1)
        {
            subpop[0].BiasedFitness = 0;
            return;
        }

        _ranking.Clear();
        for (var i = 0; i < size; i++)
        {
            _ranking.Add((-subpop[i].AverageDistanceClosest(_parameters.CloseCount), i));
        }

        _ranking.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Index.CompareTo(b.Index));
        for (var i = 0; i < size; i++)
        {
            var divRank = i / (double)(size - 1);
            var fitRank = _ranking[i].Index / (double)(size - 1);
            var indiv = subpop[_ranking[i].Index];
            indiv.BiasedFitness = size <= _parameters.EliteCount
                ? fitRank
                : fitRank + ((1.0 - (_parameters.EliteCount / (double)size)) * divRank);
        }
    }

    private void RemoveWorstBiasedFitness(List<HgsIndividual> subpop)
    {
        UpdateBiasedFitness(subpop);
        HgsIndividual? worst = null;
        var worstPos = -1;
        var worstIsClone = false;
        var worstFitness = -1.0;
        for (var i = 1; i < subpop.Count; i++)
        {
            var isClone = subpop[i].AverageDistanceClosest(1) < 1e-9;
            if ((isClone && !worstIsClone) || (isClone == worstIsClone && subpop[i].BiasedFitness > worstFitness))
            {
                worst = subpop[i];
                worstPos = i;
                worstIsClone = isClone;
                worstFitness = subpop[i].BiasedFitness;
            }
        }

        if (worst is null)
        {
            return;
        }

        subpop.RemoveAt(worstPos);
        foreach (var other in subpop)
        {
            other.RemoveProximity(worst);
        }

        worst.Proximity.Clear();
        _spare.Push(worst);
    }
}
