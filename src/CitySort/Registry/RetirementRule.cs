using CitySort.Collection;

namespace CitySort.Registry;

/// <summary>
/// When a retired record still counts (docs/registry.md, "Retiring"): on a business day (Asia/Shanghai calendar day,
/// <see cref="EventTimes"/>) a site, vehicle, facility or line is in service when it is not retired, or retired only after
/// the day's end. A record retired during the day is no longer planned nor counted as a required site that day (events
/// after its retirement are refused, so it could not be cleared), while the events before its retirement keep naming it.
/// </summary>
public static class RetirementRule
{
    /// <summary>True when a record retired at <paramref name="retiredAt"/> is in service for the whole of <paramref name="businessDay"/>.</summary>
    /// <param name="retiredAt">When the record was retired (UTC), or null.</param>
    /// <param name="businessDay">The business day.</param>
    /// <returns>True when it counts on that day.</returns>
    public static bool InServiceOn(DateTimeOffset? retiredAt, DateOnly businessDay) =>
        retiredAt is not { } retired || retired >= EventTimes.StartOf(businessDay.AddDays(1));
}
