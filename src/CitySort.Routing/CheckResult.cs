namespace CitySort.Routing;

/// <summary>The verdict of <see cref="SolutionChecker.Check"/>.</summary>
/// <param name="IsFeasible">True when the solution breaks no rule of the problem.</param>
/// <param name="Cost">
/// The recomputed cost (stored units): distance driven plus the fixed cost of every vehicle used; computed over the
/// routes that could be read even when infeasible.
/// </param>
/// <param name="FirstViolation">The first rule broken, in words, e.g. "client 17 is visited twice (routes 3 and 5)"; null when feasible.</param>
public sealed record CheckResult(bool IsFeasible, Distance Cost, string? FirstViolation)
{
    /// <summary>True when feasible and the recomputed cost equals <paramref name="statedCost"/>.</summary>
    /// <param name="statedCost">The cost the solution claims.</param>
    /// <returns>Whether the claim holds.</returns>
    public bool Confirms(Distance statedCost) => IsFeasible && Cost == statedCost;

    /// <summary>The recomputed distance driven alone (stored units), without fixed costs.</summary>
    public Distance DistanceDriven { get; init; }

    /// <summary>The number of vehicles the solution uses (its routes).</summary>
    public int VehiclesUsed { get; init; }
}
