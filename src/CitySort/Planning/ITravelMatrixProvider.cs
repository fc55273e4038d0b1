namespace CitySort.Planning;

/// <summary>
/// Supplies the travel matrix of a plan. The default, <see cref="GreatCircleTravelMatrixProvider"/>, estimates it
/// from great-circle distances and the profile's detour factor and speed; a caller with a road network (an OSRM or
/// map-provider matrix) supplies its own.
/// </summary>
public interface ITravelMatrixProvider
{
    /// <summary>The matrix between <paramref name="points"/>, in their order.</summary>
    /// <param name="points">WGS-84 points: the depot, the due sites, the facilities.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A square matrix of size <c>points.Count</c>, whole metres and seconds, zero on the diagonal.</returns>
    Task<TravelMatrix> GetAsync(IReadOnlyList<GeoPoint> points, CancellationToken cancellationToken);
}
