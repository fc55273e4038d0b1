using CitySort.Routing.Hgs;
using FsCheck.Xunit;

namespace CitySort.Routing.Tests;

/// <summary>
/// The time data of the day search's segments (Vidal et al. 2013): concatenation by hand, and the invariants that make a
/// move's price from a prefix, the moved visits and a suffix equal to a walk of the whole day.
/// </summary>
public sealed class TimeDataTests
{
    private static TimeData Visit(long service, long earliest, long latest) => new(service, 0, earliest, latest);

    [Fact]
    public void A_visit_reached_early_adds_the_wait_that_cannot_be_avoided()
    {
        // A: window [10, 20], service 5; travel 3; B: window [30, 40], service 2. delta = 5 − 0 + 3 = 8;
        // wait = max(30 − 8 − 20, 0) = 2; warp = max(10 + 8 − 40, 0) = 0; duration = 5 + 2 + 3 + 2 = 12;
        // earliest start = max(30 − 8, 10) − 2 = 20; latest start = min(40 − 8, 20) + 0 = 20.
        // Walk: start A at 20, leave 25, reach B at 28, wait to 30, leave 32: 12 units.
        var merged = TimeData.Merge(Visit(5, 10, 20), Visit(2, 30, 40), 3);

        Assert.Equal(new TimeData(12, 0, 20, 20), merged);
        Assert.Equal(32, merged.EarliestEnd);
    }

    [Fact]
    public void A_visit_reached_late_counts_its_lateness_as_time_warp()
    {
        // A: window [10, 20], service 5; travel 10; B: window [0, 22], service 2. delta = 15; wait = max(0 − 15 − 20, 0) = 0;
        // warp = max(10 + 15 − 22, 0) = 3; duration = 5 + 10 + 2 = 17; earliest = max(0 − 15, 10) = 10;
        // latest = min(22 − 15, 20) + 3 = 10. Walk: start A at 10, reach B at 25, 3 after its window closes.
        var merged = TimeData.Merge(Visit(5, 10, 20), Visit(2, 0, 22), 10);

        Assert.Equal(new TimeData(17, 3, 10, 10), merged);
        Assert.Equal(24, merged.EarliestEnd);
    }

    [Fact]
    public void Less_time_warp_beats_a_shorter_duration()
    {
        Assert.True(new TimeData(50, 0, 0, 0).Beats(new TimeData(10, 1, 0, 0)));
        Assert.True(new TimeData(10, 0, 0, 0).Beats(new TimeData(11, 0, 0, 0)));
        Assert.False(new TimeData(11, 0, 0, 0).Beats(new TimeData(11, 0, 0, 0)));
    }

    /// <summary>
    /// Concatenation is associative: a day priced as prefix ⊕ (moved stretch) ⊕ suffix, in any grouping, gives the same
    /// time data as the whole day folded from the start. This is what makes a move's price in constant time exact.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Concatenation_gives_the_same_time_data_in_every_grouping(int seed, byte length, byte cut)
    {
        var random = new Random(seed);
        var n = 2 + (length % 12);
        var visits = Enumerable.Range(0, n).Select(_ =>
        {
            var earliest = random.Next(0, 200);
            return Visit(random.Next(0, 20), earliest, earliest + random.Next(0, 60));
        }).ToArray();
        var travel = Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 40)).ToArray();
        var split = 1 + (cut % (n - 1));

        var whole = visits[0];
        for (var i = 1; i < n; i++)
        {
            whole = TimeData.Merge(whole, visits[i], travel[i]);
        }

        var left = visits[0];
        for (var i = 1; i < split; i++)
        {
            left = TimeData.Merge(left, visits[i], travel[i]);
        }

        var right = visits[n - 1];
        for (var i = n - 2; i >= split; i--)
        {
            right = TimeData.Merge(visits[i], right, travel[i + 1]);
        }

        return TimeData.Merge(left, right, travel[split]) == whole;
    }

    /// <summary>
    /// The time warp of a folded stretch is zero exactly when a walk that starts at its earliest start, waits when early
    /// and serves every visit, finds every visit within its window.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool A_stretch_has_no_time_warp_exactly_when_a_walk_from_its_earliest_start_keeps_every_window(int seed, byte length)
    {
        var random = new Random(seed);
        var n = 1 + (length % 10);
        var visits = Enumerable.Range(0, n).Select(_ =>
        {
            var earliest = random.Next(0, 300);
            return Visit(random.Next(0, 20), earliest, earliest + random.Next(0, 80));
        }).ToArray();
        var travel = Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 50)).ToArray();

        var whole = visits[0];
        for (var i = 1; i < n; i++)
        {
            whole = TimeData.Merge(whole, visits[i], travel[i]);
        }

        var time = whole.Early;
        var keeps = true;
        for (var i = 0; i < n; i++)
        {
            time = Math.Max(time + (i == 0 ? 0 : travel[i]), visits[i].Early);
            keeps &= time <= visits[i].Late;
            time += visits[i].Duration;
        }

        return (whole.TimeWarp == 0) == keeps && (!keeps || time == whole.EarliestEnd);
    }
}
