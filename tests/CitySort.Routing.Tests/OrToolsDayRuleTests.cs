using CitySort.Routing.OrTools;

namespace CitySort.Routing.Tests;

/// <summary>OR-Tools on the day rules: every result is judged by the checker.</summary>
public sealed class OrToolsDayRuleTests
{
    [Fact]
    public void A_day_with_a_break_comes_back_feasible()
    {
        var lunch = new VehicleBreak { Duration = new Duration(20), StartWindow = new TimeWindow(new Duration(60), new Duration(80)) };
        var problem = DayLineProblems.Build(meal: lunch);

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(100), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.True(check.Confirms(solution.Cost));
    }

    [Fact]
    public void A_day_load_limit_splits_the_work_over_two_vehicles()
    {
        var problem = DayLineProblems.Build(maxLoadPerDay: 8);

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(100), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        // 12 to collect, at most 8 per day: two vehicles at least.
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.Equal(2, solution.RouteCount);
    }

    [Fact]
    public void A_clients_per_day_limit_and_a_fixed_cost_are_kept()
    {
        var problem = DayLineProblems.Build(maxClientsPerDay: 2, fixedCost: 500);

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(100), 1, null, null, TestContext.Current.CancellationToken);
        var check = SolutionChecker.Check(problem, solution);

        // Three clients, two per day: two vehicles, each paying 500 on top of its distance.
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.Equal(2, solution.RouteCount);
        Assert.Equal(check.DistanceDriven + new Distance(1000), check.Cost);
        Assert.True(check.Confirms(solution.Cost));
    }
}
