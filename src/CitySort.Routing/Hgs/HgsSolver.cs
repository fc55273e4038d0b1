namespace CitySort.Routing.Hgs;

/// <summary>
/// Our own solver: hybrid genetic search with granular local search and the SWAP* neighbourhood after Vidal (2022),
/// "Hybrid genetic search for the CVRP: open-source implementation and SWAP* neighborhood", Computers &amp;
/// Operations Research 140, 105643; time windows by time-warp penalties and O(1) segment concatenation after
/// Vidal et al. (2013), Computers &amp; Operations Research 40(1), 475–489; fleet limits by bounding the number of
/// routes. When vehicles unload at facilities or have day rules (break, load or clients per day, fixed cost) the search
/// runs on whole vehicle days instead, with unloads, shift, break and day limits priced inside it (see
/// <c>HgsDaySearch</c>).
/// </summary>
/// <remarks>
/// Deterministic for a seed when stopped by iterations (its own random generator; the clock only decides when to
/// stop). Single-threaded. Plans one kind of vehicle per call (all vehicle types must be alike apart from their
/// counts). The returned solution is the best feasible one found, or the least-penalised infeasible one when none is
/// feasible; <see cref="SolutionChecker"/> tells which.
/// </remarks>
public sealed class HgsSolver : ISolver
{
    /// <summary>"hgs".</summary>
    public string Name => "hgs";

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="options"/> is neither null, a plain <see cref="SolverOptions"/>, nor <see cref="HgsOptions"/>.</exception>
    /// <exception cref="NotSupportedException">Vehicle types differ in more than their counts, or a matrix entry exceeds the 32-bit range the search uses.</exception>
    public Solution Solve(
        Problem problem,
        StopCriterion stop,
        int seed,
        SolverOptions? options,
        IProgress<SolverProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(stop);
        var hgs = options switch
        {
            null => new HgsOptions(),
            HgsOptions h => h,
            { } o when o.GetType() == typeof(SolverOptions) => new HgsOptions { MaxThreads = o.MaxThreads },
            _ => throw new ArgumentException($"The hybrid genetic search takes {nameof(HgsOptions)}, not {options.GetType().Name}.", nameof(options)),
        };
        if (problem.HasUnloadingFacilities || problem.HasDayLimits || problem.HasFixedCosts)
        {
            return SolveDays(problem, stop, seed, hgs, progress, cancellationToken);
        }

        var adapter = new HgsProblemAdapter(problem);
        var parameters = new HgsParameters
        {
            Granularity = hgs.Granularity,
            MinimumPopulationSize = hgs.MinimumPopulationSize,
            GenerationSize = hgs.GenerationSize,
            EliteCount = hgs.EliteCount,
            CloseCount = hgs.CloseCount,
            TargetFeasible = hgs.TargetFeasible,
            IterationsBeforeRestart = hgs.IterationsBeforeRestart,
            UseSwapStar = hgs.UseSwapStar,
            LimitOffspringRoutes = hgs.LimitOffspringRoutes,
            InitialPopulationSize = hgs.InitialPopulationSize,
        };
        var engine = new HgsEngine(adapter.Instance, parameters, seed);
        TimeSpan? lastReport = null;
        var best = engine.Run(
            stop.MaxRuntime,
            stop.MaxIterations,
            stop.MaxIterationsWithoutImprovement,
            (elapsed, iteration, indiv) =>
            {
                if (progress is not null && (lastReport is null || elapsed - lastReport.Value >= hgs.ProgressInterval))
                {
                    lastReport = elapsed;
                    progress.Report(new SolverProgress(elapsed, iteration, new Distance(indiv.Distance), indiv.IsFeasible));
                }
            },
            cancellationToken);
        var solution = adapter.ToSolution(best);
        progress?.Report(new SolverProgress(engine.Elapsed, engine.Iterations, solution.Cost, best.IsFeasible));
        return solution;
    }

    private static Solution SolveDays(Problem problem, StopCriterion stop, int seed, HgsOptions hgs, IProgress<SolverProgress>? progress, CancellationToken cancellationToken)
    {
        if (problem.Clients.Count == 0)
        {
            return new Solution([], Distance.Zero);
        }

        var search = new HgsDaySearch(problem, hgs.Granularity, seed);
        TimeSpan? lastReport = null;
        var solution = search.Run(
            stop.MaxRuntime,
            stop.MaxIterations,
            stop.MaxIterationsWithoutImprovement,
            (elapsed, iteration, cost, feasible) =>
            {
                if (progress is not null && (lastReport is null || elapsed - lastReport.Value >= hgs.ProgressInterval))
                {
                    lastReport = elapsed;
                    progress.Report(new SolverProgress(elapsed, iteration, new Distance(cost), feasible));
                }
            },
            cancellationToken);
        progress?.Report(new SolverProgress(search.Elapsed, search.Iterations, solution.Cost, SolutionChecker.Check(problem, solution).IsFeasible));
        return solution;
    }
}
