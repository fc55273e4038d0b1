namespace CitySort.Policy;

/// <summary>
/// Which days are working days, for report due dates (setting <c>workingDays</c>, CitySort's choice on W96-A5):
/// the weekend days are off, public holidays are off, and weekend days worked in exchange (调休) are on.
/// </summary>
/// <param name="TimeZoneId">The IANA time zone of the business day, <c>Asia/Shanghai</c>.</param>
/// <param name="Weekend">The weekly days off.</param>
/// <param name="Holidays">Public holidays that fall on otherwise working days.</param>
/// <param name="WorkingWeekendDays">Weekend days that are working days.</param>
/// <param name="ReportDueWorkingDays">A progress report is due by this working day after its period ends (5).</param>
public sealed record WorkingDayRules(
    string TimeZoneId,
    IReadOnlyList<DayOfWeek> Weekend,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> WorkingWeekendDays,
    int ReportDueWorkingDays)
{
    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    /// <param name="day">The calendar day in <see cref="TimeZoneId"/>.</param>
    /// <returns>True for a working day.</returns>
    public bool IsWorkingDay(DateOnly day)
    {
        if (WorkingWeekendDays.Contains(day))
        {
            return true;
        }

        return !Weekend.Contains(day.DayOfWeek) && !Holidays.Contains(day);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="day"/> (the day itself not counted).
    /// </summary>
    /// <param name="day">The starting day.</param>
    /// <param name="workingDays">How many working days to count, 1 or more.</param>
    /// <returns>The day reached.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="workingDays"/> is less than 1.</exception>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var current = day;
        var counted = 0;
        while (counted < workingDays)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }

    /// <summary>
    /// The due date of a progress report whose period ends on <paramref name="periodEnd"/>: the
    /// <see cref="ReportDueWorkingDays"/>-th working day after it.
    /// </summary>
    /// <param name="periodEnd">The last day of the report period.</param>
    /// <returns>The due date.</returns>
    public DateOnly ReportDueDate(DateOnly periodEnd) => AddWorkingDays(periodEnd, ReportDueWorkingDays);
}
