using System.Collections.Concurrent;

namespace CitySort.Collection.Live;

/// <summary>
/// Each vehicle's latest position by device time (<see cref="VehiclePosition.Supersedes"/>), fed with the accepted GPS
/// fixes of committed intake batches. Safe for concurrent use; holds one position per plate in memory.
/// </summary>
public sealed class VehiclePositionBoard
{
    private readonly ConcurrentDictionary<string, VehiclePosition> positions = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies the GPS fixes among <paramref name="events"/> (other kinds are ignored) and returns the positions that
    /// changed: for each plate at most one, its newest, in order of first appearance. A fix not later than the
    /// position held is ignored.
    /// </summary>
    /// <param name="events">Accepted events, in any order.</param>
    /// <returns>The vehicles that moved, with their new positions; empty when none did.</returns>
    public IReadOnlyList<VehiclePosition> Apply(IEnumerable<CollectionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var moved = new Dictionary<string, VehiclePosition>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var fix in events.OfType<GpsFixEvent>())
        {
            var candidate = VehiclePosition.From(fix);
            var applied = false;
            positions.AddOrUpdate(
                candidate.Plate,
                _ =>
                {
                    applied = true;
                    return candidate;
                },
                (_, current) =>
                {
                    applied = VehiclePosition.Supersedes(current, candidate);
                    return applied ? candidate : current;
                });
            if (applied)
            {
                if (!moved.ContainsKey(candidate.Plate))
                {
                    order.Add(candidate.Plate);
                }

                moved[candidate.Plate] = candidate;
            }
        }

        return order.Select(p => moved[p]).ToList();
    }

    /// <summary>Every vehicle's latest position, ordered by plate (ordinal).</summary>
    /// <returns>A snapshot; empty before the first fix.</returns>
    public IReadOnlyList<VehiclePosition> Snapshot() =>
        positions.Values.OrderBy(p => p.Plate, StringComparer.Ordinal).ToList();
}
