namespace CitySort.Routing;

/// <summary>
/// One trip of a route: the clients served in order, then where the load is emptied: at unloading facility
/// <see cref="FacilityIndex"/>, or at the depot when it is <see langword="null"/> (plain CVRP / VRPTW).
/// Immutable; equal when the client sequences and facilities are equal.
/// </summary>
public sealed record Trip
{
    private readonly int[] _clients;

    /// <summary>Creates a trip.</summary>
    /// <param name="clients">Client indices (into <see cref="Problem.Clients"/>) in visiting order; copied.</param>
    /// <param name="facilityIndex">The facility unloaded at after the last client, or null for a depot return.</param>
    public Trip(IEnumerable<int> clients, int? facilityIndex = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients.ToArray();
        FacilityIndex = facilityIndex;
    }

    /// <summary>Client indices (into <see cref="Problem.Clients"/>) in visiting order.</summary>
    public IReadOnlyList<int> Clients => _clients;

    /// <summary>The facility (index into <see cref="Problem.Facilities"/>) unloaded at after the last client; null: the depot.</summary>
    public int? FacilityIndex { get; }

    /// <inheritdoc />
    public bool Equals(Trip? other) =>
        other is not null && FacilityIndex == other.FacilityIndex && _clients.AsSpan().SequenceEqual(other._clients);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(FacilityIndex);
        foreach (var c in _clients)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>The trip as client indices and the unloading point, e.g. "3 7 1 → facility 0".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.Join(' ', _clients) + (FacilityIndex is { } f ? " → facility " + f : string.Empty);
}
