namespace CitySort.Policy;

/// <summary>
/// How CitySort plans the dedicated lines' day (setting <c>planning</c>, CitySort's choice on W96-K3 日产日清 and
/// W96-T3): the shift every route must fit into, how travel is estimated, and per dedicated category which sites
/// are due on a date and how much they hold. All figures of the shipped profile are illustrative.
/// </summary>
/// <param name="TimeZoneId">The IANA time zone of the shift times and the business day, <c>Asia/Shanghai</c>.</param>
/// <param name="ShiftStart">When vehicles leave their depot, local time (e.g. 05:00).</param>
/// <param name="ShiftEnd">When every vehicle must be back at its depot, local time (e.g. 17:00): the same-day clearance deadline.</param>
/// <param name="RoadDetourFactor">Road distance ÷ great-circle distance, at least 1 (e.g. 1.35).</param>
/// <param name="AverageSpeedKmPerHour">Mean driving speed in km/h, more than 0 (e.g. 25).</param>
/// <param name="ServiceSecondsPerStop">Seconds spent at each site emptying its bins.</param>
/// <param name="UnloadingSeconds">Seconds spent at a facility weighing and unloading.</param>
/// <param name="CollectedSortedOnly">Whether only sites whose waste is collected sorted are served by the dedicated lines.</param>
/// <param name="Categories">The dedicated categories planned, each once.</param>
public sealed record PlanningRules(
    string TimeZoneId,
    TimeOnly ShiftStart,
    TimeOnly ShiftEnd,
    decimal RoadDetourFactor,
    decimal AverageSpeedKmPerHour,
    int ServiceSecondsPerStop,
    int UnloadingSeconds,
    bool CollectedSortedOnly,
    IReadOnlyList<CategoryPlanning> Categories)
{
    /// <summary>The planning rule of <paramref name="category"/>, or null when the category is not planned.</summary>
    /// <param name="category">A waste category.</param>
    /// <returns>The rule or null.</returns>
    public CategoryPlanning? For(Registry.WasteCategory category) => Categories.FirstOrDefault(c => c.Category == category);
}
