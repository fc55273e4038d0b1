namespace CitySort.Planning;

/// <summary>
/// Road distances and driving durations between the points of one plan, square and in the order of the points asked
/// for (depot, then sites, then facilities). Entries are whole metres and whole seconds, never negative; the diagonal
/// is 0.
/// </summary>
/// <param name="DistanceMetres">Distance from point i to point j in metres.</param>
/// <param name="DurationSeconds">Driving time from point i to point j in seconds (service not included).</param>
public sealed record TravelMatrix(long[,] DistanceMetres, long[,] DurationSeconds)
{
    /// <summary>The number of points.</summary>
    public int Size => DistanceMetres.GetLength(0);
}
