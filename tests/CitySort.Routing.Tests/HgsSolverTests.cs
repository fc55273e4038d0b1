using CitySort.Routing.Formats;
using CitySort.Routing.Hgs;
using CitySort.Testing;
using FsCheck.Xunit;

namespace CitySort.Routing.Tests;

/// <summary>The hybrid genetic search: feasibility, optimality on small cases, determinism, unloading trips, cancellation.</summary>
public sealed class HgsSolverTests
{
    private static readonly HgsSolver Solver = new();

    private static Solution Solve(Problem problem, StopCriterion stop, int seed = 1) =>
        Solver.Solve(problem, stop, seed, null, null, TestContext.Current.CancellationToken);

    [Property(MaxTest = 25)]
    public bool Every_solution_on_a_random_capacity_problem_passes_the_checker(int seed)
    {
        var problem = HgsTestInstances.Random(seed, 5 + Math.Abs(seed % 25), timeWindows: false);

        var solution = Solve(problem, StopCriterion.AfterIterations(150), seed);

        var check = SolutionChecker.Check(problem, solution);
        return check.IsFeasible && check.Cost == solution.Cost;
    }

    [Property(MaxTest = 25)]
    public bool Every_solution_on_a_random_time_window_problem_passes_the_checker(int seed)
    {
        var problem = HgsTestInstances.Random(seed, 5 + Math.Abs(seed % 25), timeWindows: true);

        var solution = Solve(problem, StopCriterion.AfterIterations(150), seed);

        var check = SolutionChecker.Check(problem, solution);
        return check.IsFeasible && check.Cost == solution.Cost;
    }

    [Fact]
    public void The_same_seed_gives_the_same_routes()
    {
        var problem = HgsTestInstances.Random(7, 60, timeWindows: true, vehicles: 60);

        var first = Solve(problem, StopCriterion.AfterIterations(300), seed: 42);
        var second = Solve(problem, StopCriterion.AfterIterations(300), seed: 42);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void It_finds_the_optimum_of_a_seven_client_problem_found_by_enumeration(int seed)
    {
        // 7! = 5040 client orders, each split optimally: the enumeration covers every solution.
        var problem = HgsTestInstances.Random(seed, 7, timeWindows: false);
        var optimum = HgsTestInstances.EnumeratedOptimum(problem);

        var solution = Solve(problem, StopCriterion.AfterIterationsWithoutImprovement(500));

        Assert.Equal(optimum, solution.Cost.Value);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void It_finds_the_optimum_of_a_seven_client_problem_with_one_way_arcs(int seed)
    {
        // Asymmetric arcs exercise the reversal bookkeeping of 2-OPT and 2-OPT*; 7! orders are enumerated.
        var problem = HgsTestInstances.RandomAsymmetric(seed, 7);
        var optimum = HgsTestInstances.EnumeratedOptimum(problem);

        var solution = Solve(problem, StopCriterion.AfterIterationsWithoutImprovement(500));

        Assert.True(SolutionChecker.Check(problem, solution).IsFeasible);
        Assert.Equal(optimum, solution.Cost.Value);
    }

    [Fact]
    public void One_vehicle_that_must_unload_twice_is_planned_feasibly()
    {
        // Demands 4 + 4 + 4 + 4 + 4 = 20 with capacity 10: at least three trips, hence at least two unloads before the last.
        var builder = new ProblemBuilder { Name = "one-truck" };
        builder.AddDepot(new Depot { X = 0, Y = 0, TimeWindow = new TimeWindow(Duration.Zero, new Duration(2000)) });
        int[][] sites = [[10, 0], [12, 3], [0, 10], [3, 12], [-10, -2]];
        foreach (var s in sites)
        {
            builder.AddClient(new Client { X = s[0], Y = s[1], Demand = new Load(4), ServiceDuration = new Duration(5) });
        }

        builder.AddFacility(new Facility { Name = "transfer station", X = 20, Y = 20, ServiceDuration = new Duration(15) });
        builder.AddVehicleType(new VehicleType { Capacity = new Load(10), Count = 1, UnloadingFacilities = [0] });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        var problem = builder.Build();

        var solution = Solve(problem, StopCriterion.AfterIterations(200));

        var check = SolutionChecker.Check(problem, solution);
        Assert.Null(check.FirstViolation);
        var route = Assert.Single(solution.Routes);
        Assert.True(route.Trips.Count >= 3);
        Assert.All(route.Trips, t => Assert.Equal(0, t.FacilityIndex));
    }

    [Property(MaxTest = 20)]
    public bool Every_plan_with_unloading_trips_and_two_facilities_passes_the_checker(int seed)
    {
        var problem = HgsTestInstances.RandomWithFacilities(seed, 5 + Math.Abs(seed % 30));

        var solution = Solve(problem, StopCriterion.AfterIterations(100), seed);

        var check = SolutionChecker.Check(problem, solution);
        return check.IsFeasible && check.Cost == solution.Cost && solution.Routes.All(r => r.Trips.All(t => t.FacilityIndex is 0 or 1));
    }

    [Fact]
    public void One_vehicle_serves_a_morning_trip_and_an_afternoon_trip_unloading_in_between()
    {
        // Three morning clients (demand 4 each, served by 300) and three afternoon clients (from 600): 24 > capacity 10,
        // so the truck needs at least three trips, and the afternoon ones must come after the morning ones.
        var builder = new ProblemBuilder { Name = "morning-afternoon" };
        builder.AddDepot(new Depot { X = 0, Y = 0, TimeWindow = new TimeWindow(Duration.Zero, new Duration(2000)) });
        int[][] morning = [[10, 0], [12, 4], [8, 6]];
        int[][] afternoon = [[-10, 0], [-12, -4], [-8, -6]];
        foreach (var s in morning)
        {
            builder.AddClient(new Client { X = s[0], Y = s[1], Demand = new Load(4), ServiceDuration = new Duration(10), TimeWindow = new TimeWindow(Duration.Zero, new Duration(300)) });
        }

        foreach (var s in afternoon)
        {
            builder.AddClient(new Client { X = s[0], Y = s[1], Demand = new Load(4), ServiceDuration = new Duration(10), TimeWindow = new TimeWindow(new Duration(600), new Duration(900)) });
        }

        builder.AddFacility(new Facility { X = 0, Y = 15, ServiceDuration = new Duration(30) });
        builder.AddVehicleType(new VehicleType { Capacity = new Load(10), Count = 1, UnloadingFacilities = [0] });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        var problem = builder.Build();

        var solution = Solve(problem, StopCriterion.AfterIterations(200));

        var check = SolutionChecker.Check(problem, solution);
        Assert.Null(check.FirstViolation);
        Assert.True(Assert.Single(solution.Routes).Trips.Count >= 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Tiny_problems_are_solved_to_the_obvious_answer(int clients)
    {
        var problem = HgsTestInstances.Random(21, clients, timeWindows: false);

        var solution = Solve(problem, StopCriterion.AfterIterations(20));

        Assert.True(SolutionChecker.Check(problem, solution).IsFeasible);
        Assert.Equal(HgsTestInstances.EnumeratedOptimum(problem), solution.Cost.Value);
    }

    [Fact]
    public void A_fleet_limit_is_respected()
    {
        var problem = HgsTestInstances.Random(3, 40, timeWindows: false, vehicles: 12);

        var solution = Solve(problem, StopCriterion.AfterIterations(200));

        Assert.True(SolutionChecker.Check(problem, solution).IsFeasible);
        Assert.True(solution.RouteCount <= 12);
    }

    [Fact]
    public async Task Cancellation_stops_a_search_without_limits()
    {
        var problem = HgsTestInstances.Random(5, 150, timeWindows: false);
        using var cancellation = new CancellationTokenSource();
        var reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress(_ => reported.TrySetResult());

        var solving = Task.Run(() => Solver.Solve(problem, new StopCriterion(), 1, null, progress, cancellation.Token), TestContext.Current.CancellationToken);
        await reported.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
        var solution = await solving.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.True(SolutionChecker.Check(problem, solution).IsFeasible);
    }

    [Fact]
    public void Progress_reports_never_get_worse()
    {
        var problem = HgsTestInstances.Random(9, 80, timeWindows: false);
        var costs = new List<long>();
        var progress = new SynchronousProgress(p => costs.Add(p.BestCost.Value));

        var solution = Solver.Solve(problem, StopCriterion.AfterIterations(500), 1, new HgsOptions { ProgressInterval = TimeSpan.Zero }, progress, TestContext.Current.CancellationToken);

        Assert.NotEmpty(costs);
        Assert.Equal(costs.OrderByDescending(c => c), costs);
        Assert.Equal(solution.Cost.Value, costs[^1]);
    }

    [Fact]
    public void Options_of_another_solver_are_refused()
    {
        var problem = HgsTestInstances.Random(1, 5, timeWindows: false);

        Assert.Throws<ArgumentException>(() => Solver.Solve(problem, StopCriterion.AfterIterations(1), 1, new OtherOptions(), null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void It_solves_the_smallest_X_instance_feasibly_near_its_best_known_cost()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "cvrp");
        var problem = CvrplibReader.Read(Path.Combine(folder, "X-n101-k25.vrp")).GetValueOrThrow();
        var bks = SolutionFileReader.Read(Path.Combine(folder, "X-n101-k25.sol"), problem).GetValueOrThrow().StatedCost!.Value;

        var solution = Solve(problem, StopCriterion.AfterIterations(1000));

        var check = SolutionChecker.Check(problem, solution);
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.Equal(solution.Cost, check.Cost);
        Assert.True(solution.Cost.Value <= bks.Value * 1.02, $"cost {solution.Cost} is more than 2% above {bks}");
    }

    [Fact]
    public void It_solves_a_Solomon_instance_feasibly_within_the_fleet_of_25()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "vrptw");
        var problem = SolomonReader.Read(Path.Combine(folder, "R101.txt")).GetValueOrThrow();

        var solution = Solve(problem, StopCriterion.AfterIterations(1000));

        var check = SolutionChecker.Check(problem, solution);
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.True(solution.RouteCount <= 25);
    }

    private sealed record OtherOptions : SolverOptions;

    private sealed class SynchronousProgress(Action<SolverProgress> action) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => action(value);
    }
}
