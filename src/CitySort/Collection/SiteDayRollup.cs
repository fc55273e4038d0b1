namespace CitySort.Collection;

/// <summary>One row of the site rollup: pickups of one category at one site on one business day (W96-T1 "collected sorted", W96-K3).</summary>
/// <param name="BusinessDay">The business day.</param>
/// <param name="SiteCode">The site.</param>
/// <param name="Category">The category or stream name.</param>
/// <param name="PickupCount">Pickups.</param>
/// <param name="PickupEstimatedKg">Sum of their estimated kilograms.</param>
/// <param name="FirstPickupTime">The Asia/Shanghai time of day of the day's first pickup (minute precision).</param>
public sealed record SiteDayRollup(DateOnly BusinessDay, string SiteCode, string Category, long PickupCount, decimal PickupEstimatedKg, TimeOnly FirstPickupTime);
