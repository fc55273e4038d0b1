namespace CitySort.Routing.Formats;

/// <summary>A solution read from a .sol file, with the cost the file states.</summary>
/// <param name="Solution">The routes, with their cost recomputed from the problem (<see cref="Routing.Solution.FromRoutes"/>).</param>
/// <param name="StatedCost">The file's "Cost" line in stored units (multiplied by <see cref="Problem.CostScale"/>), or null when there is none.</param>
public sealed record SolutionFile(Solution Solution, Distance? StatedCost);
