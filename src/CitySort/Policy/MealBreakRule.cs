namespace CitySort.Policy;

/// <summary>
/// The meal break of the dedicated vehicles' crews (setting <c>mealBreak</c>, CitySort's choice on W96-K3 and W96-T3;
/// the plan names no break): each vehicle that is still out at <see cref="LatestStart"/> stops for
/// <see cref="DurationMinutes"/> minutes, starting no earlier than <see cref="EarliestStart"/> and no later than
/// <see cref="LatestStart"/>, between two stops of its day (it may wait or pause a drive for it). A vehicle back at its
/// depot by <see cref="LatestStart"/> takes it there. Local clock times of the <c>planning</c> setting's time zone.
/// </summary>
/// <param name="EarliestStart">The earliest local time the break may start (e.g. 11:00).</param>
/// <param name="LatestStart">The latest local time the break may start (e.g. 13:00), not before <paramref name="EarliestStart"/>.</param>
/// <param name="DurationMinutes">How long the break lasts, in minutes, from 1 to 240.</param>
public sealed record MealBreakRule(TimeOnly EarliestStart, TimeOnly LatestStart, int DurationMinutes)
{
    /// <summary>The duration in seconds.</summary>
    public int DurationSeconds => DurationMinutes * 60;
}
