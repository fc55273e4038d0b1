using static CitySort.Tests.Collection.DayEvents;

namespace CitySort.Tests.Collection;

public sealed class DayEndScheduleTests
{
    [Fact]
    public void Before_the_clearance_time_the_last_judged_day_is_yesterday_and_the_next_run_is_today_at_17_00()
    {
        // Clearance time planning.shiftEnd = 17:00 Asia/Shanghai = 09:00 UTC.
        var now = At("16:59");

        Assert.Equal(Day.AddDays(-1), Rules.LastClearedDay(now));
        Assert.Equal(At("17:00"), Rules.NextClearanceInstant(now));
    }

    [Fact]
    public void At_and_after_the_clearance_time_today_is_judged_and_the_next_run_is_tomorrow_at_17_00()
    {
        Assert.Equal(Day, Rules.LastClearedDay(At("17:00")));
        Assert.Equal(At("17:00").AddDays(1), Rules.NextClearanceInstant(At("17:00")));
        Assert.Equal(Day, Rules.LastClearedDay(At("23:59").ToUniversalTime()));
    }
}
