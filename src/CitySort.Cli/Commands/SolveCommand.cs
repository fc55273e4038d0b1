using System.CommandLine;
using System.Diagnostics;
using CitySort.Routing;
using CitySort.Routing.Formats;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort solve FILE [--time-limit S] [--seed N] [--solver hgs|ortools] [--out FILE.sol]</c>: solves a CVRPLIB
/// (.vrp) or Solomon (.txt) instance, prints the routes and cost (in the file's units), checks the result with the
/// SolutionChecker, and prints the BKS and the gap when a .sol of the same name sits beside FILE.
/// Exit codes: 0 feasible solution; 1 unreadable input or an infeasible result; 2 usage errors.
/// </summary>
internal static class SolveCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CVRPLIB .vrp or Solomon .txt instance." };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds to search (default 10).", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var solverName = new Option<string>("--solver") { Description = $"The solver: {string.Join(" or ", SolverRegistry.Names)} (default {SolverRegistry.DefaultName})." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the solution to this .sol file." };
        var command = new Command("solve", "Solve a vehicle-routing instance (.vrp or .txt) and check the result.");
        command.Arguments.Add(file);
        command.Options.Add(timeLimit);
        command.Options.Add(seed);
        command.Options.Add(solverName);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(file)!,
            parse.GetValue(timeLimit),
            parse.GetValue(seed),
            parse.GetValue(solverName) ?? SolverRegistry.DefaultName,
            parse.GetValue(output),
            cancellationToken)));
        return command;
    }

    private static int Run(FileInfo file, double timeLimitSeconds, int seed, string solverName, FileInfo? output, CancellationToken cancellationToken)
    {
        if (timeLimitSeconds <= 0 || !double.IsFinite(timeLimitSeconds))
        {
            Console.Error.WriteLine($"--time-limit {timeLimitSeconds} must be a positive number of seconds");
            return 2;
        }

        if (SolverRegistry.Create(solverName) is not { } solver)
        {
            Console.Error.WriteLine(SolverRegistry.Unknown(solverName));
            return 2;
        }

        if (!file.Exists)
        {
            Console.Error.WriteLine($"{file.FullName}: the file does not exist");
            return 1;
        }

        var read = InstanceFile.Read(file.FullName);
        if (read.Value is not { } problem)
        {
            foreach (var error in read.Errors)
            {
                Console.Error.WriteLine(error);
            }

            return 1;
        }

        var type = problem.VehicleTypes[0];
        Console.WriteLine($"Instance {problem.Name}: {problem.Clients.Count} clients, capacity {type.Capacity}, "
            + (type.Count == int.MaxValue ? "unlimited fleet" : $"{type.Count} vehicles")
            + (problem.HasTimeWindows ? ", time windows" : string.Empty)
            + (problem.CostScale != 1 ? $", costs stored ×{problem.CostScale}" : string.Empty));
        Console.WriteLine($"Solver {solver.Name}, time limit {timeLimitSeconds} s, seed {seed}");

        var clock = Stopwatch.StartNew();
        Solution? solution = null;
        AnsiConsole.Status().Start("Solving…", context =>
        {
            var progress = new SolverProgressSink<SolverProgress>(p =>
                context.Status($"Solving… {p.Elapsed.TotalSeconds:0.0} s, best {(p.BestCost == Distance.MaxValue ? "none yet" : problem.FormatCost(p.BestCost))}"));
            solution = solver.Solve(problem, StopCriterion.After(TimeSpan.FromSeconds(timeLimitSeconds)), seed, null, progress, cancellationToken);
        });
        clock.Stop();

        var text = SolutionFileWriter.ToText(problem, solution!);
        Console.Write(text);
        Console.WriteLine($"Routes {solution!.RouteCount}, time {clock.Elapsed.TotalSeconds:0.0} s");

        var check = SolutionChecker.Check(problem, solution);
        if (!check.IsFeasible)
        {
            Console.Error.WriteLine($"SolutionChecker: INFEASIBLE: {check.FirstViolation}");
            return 1;
        }

        Console.WriteLine(check.Cost == solution.Cost
            ? $"SolutionChecker: feasible, cost {problem.FormatCost(check.Cost)} confirmed"
            : $"SolutionChecker: feasible, but the recomputed cost {problem.FormatCost(check.Cost)} differs from the solver's {problem.FormatCost(solution.Cost)}");

        var bks = InstanceFile.BestKnownCost(file.FullName, problem, out var reason);
        if (bks is { Value: > 0 } best)
        {
            var gap = 100.0 * (check.Cost.Value - best.Value) / best.Value;
            Console.WriteLine($"BKS {problem.FormatCost(best)} ({Path.GetFileName(InstanceFile.SolutionBeside(file.FullName))}), gap {gap:0.00} %");
        }
        else if (reason is not null)
        {
            Console.WriteLine($"BKS not used: {reason}");
        }

        if (output is not null)
        {
            SolutionFileWriter.WriteFile(output.FullName, problem, solution);
            Console.WriteLine($"Written {output.FullName}");
        }

        return 0;
    }
}
