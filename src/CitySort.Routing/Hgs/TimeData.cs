namespace CitySort.Routing.Hgs;

/// <summary>
/// The time data of a stretch after Vidal et al. (2013): its least duration (travel, service and the waiting that cannot
/// be avoided), its time warp, and the earliest and latest start of its first visit that reach that duration and warp.
/// </summary>
/// <param name="Duration">Least duration, including the time warp.</param>
/// <param name="TimeWarp">Total lateness over the stretch's windows ("travelling back in time").</param>
/// <param name="Early">Earliest start of the first visit.</param>
/// <param name="Late">Latest start of the first visit without more time warp.</param>
internal readonly record struct TimeData(long Duration, long TimeWarp, long Early, long Late)
{
    /// <summary>
    /// The time data of <paramref name="a"/> followed, after <paramref name="travel"/>, by <paramref name="b"/>
    /// (Vidal et al. 2013, concatenation of time-window segments).
    /// </summary>
    public static TimeData Merge(in TimeData a, in TimeData b, long travel)
    {
        var delta = a.Duration - a.TimeWarp + travel;
        var wait = Math.Max(b.Early - delta - a.Late, 0);
        var warp = Math.Max(a.Early + delta - b.Late, 0);
        return new TimeData(
            a.Duration + b.Duration + travel + wait,
            a.TimeWarp + b.TimeWarp + warp,
            Math.Max(b.Early - delta, a.Early) - wait,
            Math.Min(b.Late - delta, a.Late) + warp);
    }

    /// <summary>Whether this is better than <paramref name="other"/>: less time warp, then a shorter duration.</summary>
    public bool Beats(in TimeData other) => TimeWarp != other.TimeWarp ? TimeWarp < other.TimeWarp : Duration < other.Duration;

    /// <summary>When a stretch started at its earliest start ends, time warp taken back.</summary>
    public long EarliestEnd => Early + Duration - TimeWarp;
}
