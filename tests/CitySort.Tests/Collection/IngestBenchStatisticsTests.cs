using CitySort.Collection.Benchmarks;

namespace CitySort.Tests.Collection;

/// <summary>The arithmetic of <c>citysort bench ingest</c> from hand-given timings.</summary>
public sealed class IngestBenchStatisticsTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_of_the_sorted_values()
    {
        // sorted: 800, 1000, 1200 → 1000
        Assert.Equal(1000, IngestBenchStatistics.Median([1200, 800, 1000]));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        // sorted: 10, 20, 30, 90 → (20 + 30) / 2 = 25
        Assert.Equal(25, IngestBenchStatistics.Median([90, 10, 30, 20]));
    }

    [Fact]
    public void The_median_of_no_values_is_refused()
    {
        Assert.Throws<ArgumentException>(() => IngestBenchStatistics.Median([]));
    }

    [Fact]
    public void Events_per_second_divide_the_count_by_the_elapsed_seconds()
    {
        // 5000 events in 2.5 s → 2000 events/s
        Assert.Equal(2000, IngestBenchStatistics.EventsPerSecond(5000, TimeSpan.FromSeconds(2.5)), 9);
    }

    [Fact]
    public void A_figure_reports_the_ratio_of_the_medians_and_whether_it_meets_the_target()
    {
        // HTTP repeats 4000, 3000, 5000 → median 4000; raw repeats 6000, 4500, 5000 → median 5000; 4000 / 5000 = 0.8 ≥ 0.8
        var met = new IngestBenchFigure("http", "raw", [4000, 3000, 5000], [6000, 4500, 5000], 0.8);
        // 3000 / 5000 = 0.6 < 0.8
        var missed = new IngestBenchFigure("http", "raw", [3000], [5000], 0.8);

        Assert.Equal(0.8, met.Ratio, 9);
        Assert.True(met.Met);
        Assert.Equal(0.6, missed.Ratio, 9);
        Assert.False(missed.Met);
    }

    [Fact]
    public void A_ratio_to_a_zero_baseline_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IngestBenchStatistics.Ratio(1, 0));
    }
}
