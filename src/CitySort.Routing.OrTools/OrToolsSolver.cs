using System.Diagnostics;
using Google.OrTools.ConstraintSolver;

namespace CitySort.Routing.OrTools;

/// <summary>
/// The baseline solver on Google OR-Tools routing (9.15): a capacity dimension, a time dimension with windows, waiting
/// and service durations when the problem has time windows, PATH_CHEAPEST_ARC for the first solution and
/// GUIDED_LOCAL_SEARCH until the stop criterion. Single-threaded. Source: the OR-Tools routing guide
/// (developers.google.com/optimization/routing), CVRP, VRPTW and "reload" (multi-trip) models.
/// </summary>
/// <remarks>
/// <para>Stop: <see cref="StopCriterion.MaxRuntime"/> becomes the search time limit and
/// <see cref="StopCriterion.MaxIterations"/> the solution limit; <see cref="StopCriterion.MaxIterationsWithoutImprovement"/>
/// is not supported by OR-Tools routing and is ignored. Without any limit the search runs until cancelled.
/// The seed reseeds the constraint solver; with a time limit results still depend on machine speed.</para>
/// <para>Fleet: an unlimited vehicle type is given ⌈1.5 × total demand / capacity⌉ + 3 vehicles (at most one per
/// client, and one per client when the problem has time windows). When construction may fail (time windows,
/// unloading, a fixed fleet) clients are optional at a penalty of ten times the longest arc plus 1000, above any
/// insertion cost, so the search starts anyway and inserts them later; an unlimited plain CVRP keeps them mandatory.
/// If still no solution is found, the search is repeated with one vehicle per client and optional clients, so a result
/// always comes back and an unserved client shows up in the checker. A search stopped by iterations alone is also
/// limited to 10 s + 50 ms per client per attempt: guided local search on a small problem can run out of new solutions
/// and would otherwise never reach the solution limit.</para>
/// <para>Unloading facilities (multi-trip): each accepted facility is copied as optional nodes (enough for every
/// trip the fleet may need) whose load transit is minus the largest capacity with slack up to it, so a visit resets
/// the load (the OR-Tools "reload" model); the load must be zero when the vehicle returns, which forces an unload
/// after the last client (a soft bound at the same high penalty when clients are optional; should a route still end
/// loaded, the nearest accepted facility is appended and the checker judges the result). A trips dimension limits <see cref="VehicleType.MaxTripsPerVehicle"/>. Empty trips are
/// removed from the result.</para>
/// <para>The day (see <see cref="VehicleType"/>): the day's load and clients are dimensions with the type's limit as
/// each vehicle's capacity (facility copies add nothing to them), the fixed cost is OR-Tools' fixed cost of a vehicle,
/// and the break is an optional break interval on the time dimension (never during a service or unload, so between two
/// visits, during the drive or the wait), performed whenever the vehicle is back after its latest start. A day limit
/// also bounds an unlimited type's fleet by twice the vehicles the total demand needs, plus three. Because guided local
/// search moves slowly under break intervals, a problem with breaks is solved in two halves: without the breaks, then
/// with them from those routes (by parallel cheapest insertion if the routes cannot be restored); the checker picks
/// the first feasible of the two, in that order of preference: with breaks, then without.</para>
/// </remarks>
public sealed class OrToolsSolver : ISolver
{

    /// <inheritdoc />
    public string Name => "ortools";

    /// <inheritdoc />
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
        var clock = Stopwatch.StartNew();
        if (problem.Clients.Count == 0)
        {
            return new Solution([], Distance.Zero);
        }

        // Construction can fail under time windows, unloading or a fixed fleet; optional clients at a high penalty let the
        // search start anyway and insert them later. An unlimited plain CVRP keeps every client mandatory.
        var constrained = problem.HasTimeWindows || problem.HasUnloadingFacilities || problem.VehicleTypes.Any(v => v.Count != int.MaxValue);
        var fallbackLimit = TimeSpan.FromSeconds(10 + (0.05 * problem.Clients.Count));
        var firstLimit = stop.MaxRuntime ?? fallbackLimit;
        var first = SolveStaged(problem, firstLimit, stop.MaxIterations, seed, generousFleet: false, optionalClients: constrained, progress, clock, cancellationToken);
        if (first is not null)
        {
            return first;
        }

        // The repeat gets what is left of the limit, and at least one more second.
        var secondLimit = Max(stop.MaxRuntime ?? clock.Elapsed + fallbackLimit, clock.Elapsed + TimeSpan.FromSeconds(1));
        return SolveStaged(problem, secondLimit, stop.MaxIterations, seed, generousFleet: true, optionalClients: true, progress, clock, cancellationToken)
            ?? new Solution([], Distance.Zero);
    }

    /// <summary>
    /// One attempt. With breaks, guided local search under break intervals moves slowly, so the first half of the time
    /// is spent without them and the second half continues from those routes with the breaks in the model; the result
    /// with breaks is returned when the checker accepts it, otherwise the one without when the checker accepts that
    /// (its slack may hold every break), otherwise the one with breaks.
    /// </summary>
    private static Solution? SolveStaged(
        Problem problem,
        TimeSpan? timeLimit,
        long? solutionLimit,
        int seed,
        bool generousFleet,
        bool optionalClients,
        IProgress<SolverProgress>? progress,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        if (!problem.VehicleTypes.Any(t => t.Break is not null))
        {
            return SolveOnce(problem, timeLimit, solutionLimit, seed, generousFleet, optionalClients, true, null, progress, clock, cancellationToken)?.Solution;
        }

        TimeSpan? half = timeLimit is { } l ? clock.Elapsed + ((l - clock.Elapsed) / 2) : null;
        var relaxed = SolveOnce(problem, half, solutionLimit, seed, generousFleet, optionalClients, false, null, progress, clock, cancellationToken);
        var full = SolveOnce(problem, timeLimit, solutionLimit, seed, generousFleet, optionalClients, true, relaxed?.Nodes, progress, clock, cancellationToken);
        if (full is { } f && SolutionChecker.Check(problem, f.Solution).IsFeasible)
        {
            return f.Solution;
        }

        if (relaxed is { } r && SolutionChecker.Check(problem, r.Solution).IsFeasible)
        {
            return r.Solution;
        }

        return full?.Solution ?? relaxed?.Solution;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// The rules over a vehicle's whole day: the day's load and clients as dimensions bounded per vehicle, the fixed
    /// cost per vehicle used, and the break as an optional break interval on the time dimension (no break during a
    /// visit's service; performed whenever the vehicle is back after the latest break start).
    /// </summary>
    private static void AddDayRules(Problem problem, OrToolsModel model, RoutingIndexManager manager, RoutingModel routing, bool withBreaks)
    {
        if (problem.VehicleTypes.Any(t => t.MaxLoadPerDay is not null))
        {
            var dayLoadIndex = routing.RegisterUnaryTransitVector(model.DayLoadTransits);
            routing.AddDimensionWithVehicleCapacity(dayLoadIndex, 0, model.VehicleDayLoads, true, "DayLoad");
        }

        if (problem.VehicleTypes.Any(t => t.MaxClientsPerDay is not null))
        {
            var dayClientIndex = routing.RegisterUnaryTransitVector(model.DayClientTransits);
            routing.AddDimensionWithVehicleCapacity(dayClientIndex, 0, model.VehicleDayClients, true, "DayClients");
        }

        for (var v = 0; v < model.VehicleCount; v++)
        {
            if (model.VehicleFixedCosts[v] > 0)
            {
                routing.SetFixedCostOfVehicle(model.VehicleFixedCosts[v], v);
            }
        }

        if (!withBreaks || !model.VehicleBreaks.Any(b => b is not null))
        {
            return;
        }

        var solver = routing.solver();
        var time = routing.GetDimensionOrDie("Time");
        var visitTransits = new long[routing.Size()];
        for (var index = 0; index < visitTransits.Length; index++)
        {
            visitTransits[index] = model.VisitTransits[manager.IndexToNode(index)];
        }

        for (var v = 0; v < model.VehicleCount; v++)
        {
            if (model.VehicleBreaks[v] is not { } meal)
            {
                continue;
            }

            var window = meal.StartWindow;
            var interval = solver.MakeFixedDurationIntervalVar(window.Earliest.Value, window.Latest.Value, meal.Duration.Value, true, "break" + v);
            var breaks = new IntervalVarVector { interval };
            time.SetBreakIntervalsOfVehicle(breaks, v, visitTransits);

            // Back after the latest break start: the break must be taken.
            var lateReturn = solver.MakeIsGreaterCstVar(time.CumulVar(routing.End(v)), window.Latest.Value);
            solver.Add(solver.MakeGreaterOrEqual(interval.PerformedExpr(), lateReturn));
        }
    }

    private static (Solution Solution, List<List<int>> Nodes)? SolveOnce(
        Problem problem,
        TimeSpan? timeLimit,
        long? solutionLimit,
        int seed,
        bool generousFleet,
        bool optionalClients,
        bool withBreaks,
        List<List<int>>? initialRoutes,
        IProgress<SolverProgress>? progress,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var model = new OrToolsModel(problem, generousFleet);
        var manager = new RoutingIndexManager(model.NodeCount, model.VehicleCount, model.Starts, model.Ends);
        var routing = new RoutingModel(manager);
        routing.solver().ReSeed(seed);

        var costIndex = routing.RegisterTransitMatrix(model.Distances);
        routing.SetArcCostEvaluatorOfAllVehicles(costIndex);

        var demandIndex = routing.RegisterUnaryTransitVector(model.LoadTransits);
        var reloads = model.FacilityCopyCount > 0;
        var maxCapacity = problem.VehicleTypes.Max(v => v.Capacity.Value);
        routing.AddDimensionWithVehicleCapacity(demandIndex, reloads ? maxCapacity : 0, model.VehicleCapacities, true, "Load");
        var load = routing.GetDimensionOrDie("Load");

        if (problem.HasTimeWindows || reloads)
        {
            var timeIndex = routing.RegisterTransitMatrix(model.TimeTransits);
            var horizon = problem.Horizon.Value;
            routing.AddDimension(timeIndex, horizon, horizon, false, "Time");
            var time = routing.GetDimensionOrDie("Time");
            for (var node = 0; node < model.NodeCount; node++)
            {
                if (model.NodeWindows[node] is { } w && !model.IsDepotNode(node))
                {
                    time.CumulVar(manager.NodeToIndex(node)).SetRange(w.Earliest.Value, w.Latest.Value);
                }
            }

            for (var v = 0; v < model.VehicleCount; v++)
            {
                var shift = model.VehicleShifts[v];
                time.CumulVar(routing.Start(v)).SetRange(shift.Earliest.Value, shift.Latest.Value);
                time.CumulVar(routing.End(v)).SetRange(shift.Earliest.Value, shift.Latest.Value);
                routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.Start(v)));
                routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.End(v)));
            }
        }

        if (reloads)
        {
            var tripIndex = routing.RegisterUnaryTransitVector(model.TripTransits);
            routing.AddDimensionWithVehicleCapacity(tripIndex, 0, model.VehicleMaxTrips, true, "Trips");
            for (var v = 0; v < model.VehicleCount; v++)
            {
                if (model.VehicleUnloads[v])
                {
                    // Every trip ends with an unload: load zero at the end. Soft when clients are optional, so a client can be
                    // inserted first and its unload next (two moves); otherwise hard.
                    if (optionalClients)
                    {
                        load.SetCumulVarSoftUpperBound(routing.End(v), 0, model.DropPenalty);
                    }
                    else
                    {
                        load.CumulVar(routing.End(v)).SetRange(0, 0);
                    }
                }
            }

            for (var node = model.FirstCopyNode; node < model.NodeCount; node++)
            {
                var index = manager.NodeToIndex(node);
                routing.AddDisjunction([index], 0);
                routing.VehicleVar(index).SetValues([-1, .. model.VehiclesAcceptedAt(node)]);
            }
        }

        AddDayRules(problem, model, manager, routing, withBreaks);

        if (optionalClients)
        {
            var penalty = model.DropPenalty;
            for (var c = 0; c < problem.Clients.Count; c++)
            {
                routing.AddDisjunction([manager.NodeToIndex(model.ClientNode(c))], penalty);
            }
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        if (timeLimit is { } limit)
        {
            // The limit counts from the start of Solve: building the model is part of it.
            var left = limit - clock.Elapsed;
            parameters.TimeLimit = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(left > TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
        }

        if (solutionLimit is { } solutions)
        {
            parameters.SolutionLimit = solutions;
        }

        var clientIndices = Enumerable.Range(0, problem.Clients.Count).Select(c => manager.NodeToIndex(model.ClientNode(c))).ToArray();
        long found = 0;
        var callback = new VoidToVoid(() =>
        {
            found++;
            if (progress is not null)
            {
                // With optional clients the search may still leave some out: then the solution is not feasible yet.
                var allServed = !optionalClients || clientIndices.All(i => routing.ActiveVar(i).Value() == 1);
                progress.Report(new SolverProgress(clock.Elapsed, found, new Distance(routing.CostVar().Value()), allServed));
            }

            if (cancellationToken.IsCancellationRequested)
            {
                routing.solver().FinishCurrentSearch();
            }
        });
        routing.AddAtSolutionCallback(callback);

        Assignment? assignment = null;
        if (withBreaks && initialRoutes is not null)
        {
            var indices = initialRoutes.Select(r => r.Select(n => manager.NodeToIndex(n)).ToArray()).ToArray();
            var start = routing.ReadAssignmentFromRoutes(indices, true);
            if (start is not null)
            {
                assignment = routing.SolveFromAssignmentWithParameters(start, parameters);
            }
        }

        if (assignment is null)
        {
            if (withBreaks)
            {
                // Extending paths arc by arc rarely meets a break window; insertion does.
                parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion;
            }

            assignment = routing.SolveWithParameters(parameters);
        }

        GC.KeepAlive(callback);
        if (assignment is null)
        {
            return null;
        }

        var routes = new List<Route>();
        var allNodes = new List<List<int>>();
        for (var v = 0; v < model.VehicleCount; v++)
        {
            var nodes = new List<int>();
            allNodes.Add(nodes);
            var index = routing.Start(v);
            while (!routing.IsEnd(index))
            {
                index = assignment.Value(routing.NextVar(index));
                if (!routing.IsEnd(index))
                {
                    nodes.Add(manager.IndexToNode(index));
                }
            }

            if (model.ToRoute(v, nodes) is { } route)
            {
                routes.Add(route);
            }
        }

        return (Solution.FromRoutes(problem, routes), allNodes);
    }
}
