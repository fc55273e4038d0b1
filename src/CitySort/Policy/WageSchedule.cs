namespace CitySort.Policy;

/// <summary>A minimum-wage notice in force over a period, with its tiers (W58-1: from 2015-11-01). Schedules do not overlap.</summary>
/// <param name="Clause">The clause, <c>W58-1</c>.</param>
/// <param name="Period">When it is in force.</param>
/// <param name="Tiers">The tiers, each number once.</param>
public sealed record WageSchedule(string Clause, DatePeriod Period, IReadOnlyList<WageTier> Tiers);
