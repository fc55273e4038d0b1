namespace CitySort.Collection;

/// <summary>The KPI figures of one period.</summary>
/// <param name="Period">The period's label: <c>2015-12-01</c>, <c>2015-12</c> or <c>2015</c>.</param>
/// <param name="From">Its first day (clipped to the request).</param>
/// <param name="To">Its last day (clipped to the request).</param>
/// <param name="Figures">Its figures.</param>
public sealed record KpiPeriod(string Period, DateOnly From, DateOnly To, IReadOnlyList<KpiFigure> Figures);
