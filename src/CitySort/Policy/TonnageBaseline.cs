namespace CitySort.Policy;

/// <summary>The baseline a reduction target is measured against (W96-T5, W96-T7).</summary>
/// <param name="Clause">The clause that gives it.</param>
/// <param name="Period">The baseline period, e.g. calendar 2014.</param>
/// <param name="Tonnes">The baseline tonnage when the plan states it (2014: 1,148,900 t, W96-T5), or null when
/// the measured figure of the period is the baseline (W96-T7: the 2015 actual).</param>
public sealed record TonnageBaseline(string Clause, DatePeriod Period, decimal? Tonnes);
