namespace CitySort.Routing.Hgs;

/// <summary>
/// The time-window data of a route segment for O(1) concatenation (Vidal et al. 2013, "A hybrid genetic algorithm
/// with adaptive diversity management for a large class of vehicle routing problems with time-windows", Computers &amp;
/// Operations Research 40(1)): total duration, time warp, earliest and latest feasible start, first and last node.
/// </summary>
internal readonly struct TimeSegment
{
    /// <summary>Creates a segment.</summary>
    public TimeSegment(int first, int last, long duration, long timeWarp, long early, long late)
    {
        First = first;
        Last = last;
        Duration = duration;
        TimeWarp = timeWarp;
        Early = early;
        Late = late;
    }

    /// <summary>The first node.</summary>
    public int First { get; }

    /// <summary>The last node.</summary>
    public int Last { get; }

    /// <summary>Travel, service and waiting time when started at the best time.</summary>
    public long Duration { get; }

    /// <summary>The total time warp (lateness that must be undone).</summary>
    public long TimeWarp { get; }

    /// <summary>Earliest start that avoids waiting.</summary>
    public long Early { get; }

    /// <summary>Latest start that avoids extra time warp.</summary>
    public long Late { get; }

    /// <summary>The segment of one node alone.</summary>
    public static TimeSegment Of(HgsInstance data, int node) =>
        new(node, node, data.Service[node], 0, data.Early[node], data.Late[node]);

    /// <summary>Concatenates <paramref name="a"/> then <paramref name="b"/>.</summary>
    public static TimeSegment Merge(int[] travelTime, int stride, in TimeSegment a, in TimeSegment b)
    {
        long travel = travelTime[(a.Last * stride) + b.First];
        var delta = a.Duration - a.TimeWarp + travel;
        var wait = Math.Max(b.Early - delta - a.Late, 0);
        var warp = Math.Max(a.Early + delta - b.Late, 0);
        return new TimeSegment(
            a.First,
            b.Last,
            a.Duration + b.Duration + travel + wait,
            a.TimeWarp + b.TimeWarp + warp,
            Math.Max(b.Early - delta, a.Early) - wait,
            Math.Min(b.Late - delta, a.Late) + warp);
    }
}
