using CitySort.Routing.Formats;
using CitySort.Routing.OrTools;
using CitySort.Testing;

namespace CitySort.Routing.Tests;

public sealed class OrToolsSolverTests
{
    [Fact]
    public void OR_Tools_returns_a_checker_feasible_solution_for_a_100_client_CVRP_in_three_seconds()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "cvrp");
        var problem = CvrplibReader.Read(Path.Combine(folder, "X-n101-k25.vrp")).GetValueOrThrow();

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.After(TimeSpan.FromSeconds(3)), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        // The BKS is 27591; nothing feasible can be cheaper.
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.Equal(check.Cost, solution.Cost);
        Assert.True(solution.Cost >= new Distance(27591));
    }

    [Fact]
    public void OR_Tools_returns_a_checker_feasible_solution_for_a_Solomon_instance_in_five_seconds()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "vrptw");
        var problem = SolomonReader.Read(Path.Combine(folder, "R101.txt")).GetValueOrThrow();

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.After(TimeSpan.FromSeconds(5)), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        // R101 BKS under DIMACS: 1637.7 -> 16377 tenths; at most 25 vehicles.
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.True(solution.Cost >= new Distance(16377));
        Assert.True(solution.RouteCount <= 25);
    }

    [Fact]
    public void OR_Tools_plans_multi_trip_routes_that_unload_at_an_accepting_facility()
    {
        var problem = LineProblems.Build(capacity: 8, count: 1, unloads: true);

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(200), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        // One vehicle of capacity 8 for 3 x 4: two trips, both unloading at Plant A (index 0); the best is
        // 0 -> 10 -> 20 -> 40 -> 30 -> 40 -> 0 = 100 (see the checker test).
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.Equal(2, solution.Routes.Single().Trips.Count);
        Assert.All(solution.Routes.Single().Trips, t => Assert.Equal(0, t.FacilityIndex));
        Assert.Equal(new Distance(100), solution.Cost);
    }

    [Fact]
    public void OR_Tools_respects_time_windows_with_waiting()
    {
        var problem = LineProblems.Build(
            count: 2,
            depotWindow: new TimeWindow(Duration.Zero, new Duration(200)),
            client1Window: new TimeWindow(new Duration(50), new Duration(60)),
            client3Window: new TimeWindow(Duration.Zero, new Duration(32)));

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(200), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        Assert.True(check.IsFeasible, check.FirstViolation);
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_routes()
    {
        var problem = RandomProblems.Build(new RandomProblemSpec(
            [.. Enumerable.Range(0, 12).Select(i => new ClientSpec((i * 37) % 100, (i * 53) % 100, 1 + (i % 7), 0, 1000, 0))],
            Capacity: 15,
            TimeWindows: false,
            Facility: false,
            FleetSize: int.MaxValue));
        var stop = StopCriterion.AfterIterations(100);

        var first = new OrToolsSolver().Solve(problem, stop, 7, null, null, TestContext.Current.CancellationToken);
        var second = new OrToolsSolver().Solve(problem, stop, 7, null, null, TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Progress_reports_arrive_while_solving()
    {
        var problem = LineProblems.Build();
        var reports = new List<SolverProgress>();

        new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(50), 1, null, new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.True(r.BestCost > Distance.Zero));
    }

    [Fact]
    public void Cancelling_returns_the_best_solution_found_so_far_instead_of_throwing()
    {
        var folder = Path.Combine(Requires.SharedData(), "vrp", "cvrp");
        var problem = CvrplibReader.Read(Path.Combine(folder, "X-n101-k25.vrp")).GetValueOrThrow();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SynchronousProgress(p =>
        {
            if (p.Iteration >= 5)
            {
                cancellation.Cancel();
            }
        });

        // A ten-minute limit: only the cancellation can end this solve within the test run.
        var solution = new OrToolsSolver().Solve(problem, StopCriterion.After(TimeSpan.FromMinutes(10)), 1, null, progress, cancellation.Token);

        Assert.True(cancellation.IsCancellationRequested);
        Assert.True(SolutionChecker.Check(problem, solution).IsFeasible);
    }

    private sealed class SynchronousProgress(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }
}
