namespace CitySort.Routing;

/// <summary>
/// A solution: the routes driven and their total cost (distance, in the problem's stored units). Immutable; equal when
/// the routes (in order) and the cost are equal. Routes without any client are not part of a solution.
/// A solver's claim of feasibility is not a proof: <see cref="SolutionChecker.Check"/> recomputes both.
/// </summary>
public sealed record Solution
{
    private readonly Route[] _routes;

    /// <summary>Creates a solution with a cost computed elsewhere.</summary>
    /// <param name="routes">The routes; copied.</param>
    /// <param name="cost">The total distance driven.</param>
    public Solution(IEnumerable<Route> routes, Distance cost)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _routes = routes.ToArray();
        Cost = cost;
    }

    /// <summary>
    /// Creates a solution whose cost is the total distance of <paramref name="routes"/> in <paramref name="problem"/>
    /// plus the <see cref="VehicleType.FixedCost"/> of each route's vehicle type.
    /// </summary>
    /// <param name="problem">The problem the routes belong to.</param>
    /// <param name="routes">The routes.</param>
    /// <returns>The solution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A route names a client, facility or vehicle type that does not exist.</exception>
    public static Solution FromRoutes(Problem problem, IEnumerable<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var list = routes.ToArray();
        var cost = Distance.Zero;
        foreach (var r in list)
        {
            cost += RouteDistance(problem, r) + problem.VehicleTypes[r.VehicleTypeIndex].FixedCost;
        }

        return new Solution(list, cost);
    }

    /// <summary>The distance driven by one route: depot → clients → (facility → clients)* → facility or depot → depot.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="route">The route.</param>
    /// <returns>The distance including facility legs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The route names a client, facility or vehicle type that does not exist.</exception>
    public static Distance RouteDistance(Problem problem, Route route)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentOutOfRangeException.ThrowIfNegative(route.VehicleTypeIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(route.VehicleTypeIndex, problem.VehicleTypes.Count);
        var depotNode = problem.DepotNode(problem.VehicleTypes[route.VehicleTypeIndex].DepotIndex);
        var at = depotNode;
        var total = Distance.Zero;
        foreach (var trip in route.Trips)
        {
            foreach (var c in trip.Clients)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(c);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(c, problem.Clients.Count);
                var node = problem.ClientNode(c);
                total += problem.Distance(at, node);
                at = node;
            }

            if (trip.FacilityIndex is { } f)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(f);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(f, problem.Facilities.Count);
                var node = problem.FacilityNode(f);
                total += problem.Distance(at, node);
                at = node;
            }
            else if (at != depotNode)
            {
                total += problem.Distance(at, depotNode);
                at = depotNode;
            }
        }

        return at == depotNode ? total : total + problem.Distance(at, depotNode);
    }

    /// <summary>The routes, one per vehicle used.</summary>
    public IReadOnlyList<Route> Routes => _routes;

    /// <summary>
    /// The cost: the total distance driven plus the fixed cost of every vehicle used (stored units; divide by
    /// <see cref="Problem.CostScale"/> to print). Without fixed costs it is the distance alone.
    /// </summary>
    public Distance Cost { get; }

    /// <summary>The number of routes (vehicles used).</summary>
    public int RouteCount => _routes.Length;

    /// <inheritdoc />
    public bool Equals(Solution? other) =>
        other is not null && Cost == other.Cost && _routes.AsSpan().SequenceEqual(other._routes);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Cost);
        foreach (var r in _routes)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }
}
