using CitySort.Routing.OrTools;
using FsCheck.Xunit;

namespace CitySort.Routing.Tests;

public sealed class FeasibilityProperties
{
    [Property(Arbitrary = [typeof(RandomProblems)], MaxTest = 300)]
    public void The_checker_accepts_a_candidate_exactly_when_every_invariant_holds(CandidateSpec candidate)
    {
        var problem = RandomProblems.Build(candidate.Problem);
        var solution = RandomProblems.BuildCandidate(problem, candidate);

        var check = SolutionChecker.Check(problem, solution);

        Assert.Equal(Invariants.All(problem, solution), check.IsFeasible);
        Assert.Equal(solution.Cost, check.Cost);
    }

    [Property(Arbitrary = [typeof(RandomProblems)], MaxTest = 200)]
    public void Every_checked_solution_of_the_constructive_solver_serves_each_client_once_within_capacity_and_windows(RandomProblemSpec spec)
    {
        var problem = RandomProblems.Build(spec with { FleetSize = int.MaxValue });

        var solution = new NearestFeasibleSolver().Solve(problem, StopCriterion.AfterIterations(1), 1, null, null, CancellationToken.None);
        var check = SolutionChecker.Check(problem, solution);

        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.True(Invariants.EachClientOnce(problem, solution));
        Assert.True(Invariants.LoadsWithinCapacity(problem, solution));
        Assert.True(Invariants.ServiceWithinWindows(problem, solution));
        Assert.True(Invariants.UnloadsWhereAccepted(problem, solution));
    }

    [Property(Arbitrary = [typeof(RandomProblems)], MaxTest = 25)]
    public void Every_OR_Tools_solution_is_accepted_and_serves_each_client_once_within_capacity_and_windows(RandomProblemSpec spec)
    {
        var problem = RandomProblems.Build(spec with { FleetSize = int.MaxValue });

        var solution = new OrToolsSolver().Solve(problem, StopCriterion.AfterIterations(30) with { MaxRuntime = TimeSpan.FromSeconds(2) }, 1, null, null, CancellationToken.None);
        var check = SolutionChecker.Check(problem, solution);

        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.True(Invariants.EachClientOnce(problem, solution));
        Assert.True(Invariants.LoadsWithinCapacity(problem, solution));
        Assert.True(Invariants.ServiceWithinWindows(problem, solution));
        Assert.True(Invariants.UnloadsWhereAccepted(problem, solution));
    }
}
