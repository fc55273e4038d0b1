using CitySort.Policy;

namespace CitySort.Planning;

/// <summary>
/// Estimates road travel without a road network: distance = great-circle metres × the profile's road-detour factor,
/// rounded to the nearest metre; duration = distance ÷ the profile's average speed, rounded to the nearest second
/// (setting <c>planning</c>: <c>roadDetourFactor</c>, <c>averageSpeedKmPerHour</c>).
/// </summary>
/// <param name="rules">The planning rules of the profile.</param>
public sealed class GreatCircleTravelMatrixProvider(PlanningRules rules) : ITravelMatrixProvider
{
    /// <inheritdoc />
    public Task<TravelMatrix> GetAsync(IReadOnlyList<GeoPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Task.FromResult(Compute(points, cancellationToken));
    }

    /// <summary>The matrix, computed synchronously.</summary>
    /// <param name="points">The points.</param>
    /// <param name="cancellationToken">Checked once per row.</param>
    /// <returns>The square matrix in the order of <paramref name="points"/>.</returns>
    public TravelMatrix Compute(IReadOnlyList<GeoPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        var detour = (double)rules.RoadDetourFactor;
        var metresPerSecond = (double)rules.AverageSpeedKmPerHour / 3.6;
        var distances = new long[n, n];
        var durations = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var metres = Math.Round(points[i].GreatCircleMetresTo(points[j]) * detour, MidpointRounding.AwayFromZero);
                distances[i, j] = (long)metres;
                durations[i, j] = (long)Math.Round(metres / metresPerSecond, MidpointRounding.AwayFromZero);
            }
        }

        return new TravelMatrix(distances, durations);
    }
}
