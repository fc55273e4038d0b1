namespace CitySort.Routing;

/// <summary>
/// The work of one vehicle of type <see cref="VehicleTypeIndex"/>: its trips in order, from the depot and back to it.
/// Immutable; equal when the type and the trips are equal.
/// </summary>
public sealed record Route
{
    private readonly Trip[] _trips;

    /// <summary>Creates a route.</summary>
    /// <param name="vehicleTypeIndex">The vehicle type (index into <see cref="Problem.VehicleTypes"/>).</param>
    /// <param name="trips">The trips in order; copied.</param>
    public Route(int vehicleTypeIndex, IEnumerable<Trip> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        VehicleTypeIndex = vehicleTypeIndex;
        _trips = trips.ToArray();
    }

    /// <summary>Creates a single-trip route that returns to the depot (plain CVRP / VRPTW).</summary>
    /// <param name="vehicleTypeIndex">The vehicle type.</param>
    /// <param name="clients">Client indices in visiting order.</param>
    /// <returns>The route.</returns>
    public static Route SingleTrip(int vehicleTypeIndex, IEnumerable<int> clients) => new(vehicleTypeIndex, [new Trip(clients)]);

    /// <summary>The vehicle type (index into <see cref="Problem.VehicleTypes"/>).</summary>
    public int VehicleTypeIndex { get; }

    /// <summary>The trips in order.</summary>
    public IReadOnlyList<Trip> Trips => _trips;

    /// <summary>All clients of all trips, in visiting order.</summary>
    public IEnumerable<int> Clients => _trips.SelectMany(t => t.Clients);

    /// <inheritdoc />
    public bool Equals(Route? other) =>
        other is not null && VehicleTypeIndex == other.VehicleTypeIndex && _trips.AsSpan().SequenceEqual(other._trips);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(VehicleTypeIndex);
        foreach (var t in _trips)
        {
            hash.Add(t);
        }

        return hash.ToHashCode();
    }

    /// <summary>The route as its trips separated by " | ".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Join(" | ", _trips.Select(t => t.ToString()));
}
