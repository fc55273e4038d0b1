namespace CitySort.Collection;

/// <summary>How <see cref="KpiService"/> splits a date range into periods.</summary>
public enum KpiGroupBy
{
    /// <summary>One period per Asia/Shanghai business day.</summary>
    Day = 1,

    /// <summary>One period per calendar month (clipped to the range).</summary>
    Month = 2,

    /// <summary>One period per calendar year (clipped to the range).</summary>
    Year = 3,
}
