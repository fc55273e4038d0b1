namespace CitySort.Routing.Hgs;

/// <summary>
/// What the day search keeps of a stretch of consecutive visits of one vehicle day (clients and facility visits) so
/// that two stretches concatenate in constant time: first and last matrix node, distance driven inside, the time data
/// of Vidal et al. (2013) (duration with the least waiting, time warp, earliest and latest start), and the load data
/// of a stretch that may contain unloads: the load before its first unload (<see cref="Head"/>), after its last one
/// (<see cref="Tail"/>), the capacity excess of the whole trips inside (<see cref="Inner"/>), the day's load and the
/// clients served. Without an unload inside, <see cref="Head"/> and <see cref="Tail"/> are both the stretch's load.
/// </summary>
/// <param name="First">The matrix node of the first visit.</param>
/// <param name="Last">The matrix node of the last visit.</param>
/// <param name="Distance">Distance driven from the first to the last visit.</param>
/// <param name="Time">The time data.</param>
/// <param name="Head">Load collected before the first unload (all of it when there is none).</param>
/// <param name="Tail">Load collected after the last unload (all of it when there is none).</param>
/// <param name="HasUnload">Whether the stretch visits a facility.</param>
/// <param name="Inner">Σ over the trips that start and end inside the stretch of max(0, load − capacity).</param>
/// <param name="Load">All load collected in the stretch (for the per-day limit).</param>
/// <param name="Clients">Clients served in the stretch (for the per-day limit).</param>
internal readonly record struct DaySegment(
    int First, int Last, long Distance, TimeData Time, long Head, long Tail, bool HasUnload, long Inner, long Load, int Clients);
