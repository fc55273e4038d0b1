namespace CitySort.Collection;

/// <summary>The answer of GET /api/kpis.</summary>
/// <param name="From">First day asked for.</param>
/// <param name="To">Last day asked for.</param>
/// <param name="GroupBy">The period length.</param>
/// <param name="Periods">The periods, oldest first.</param>
public sealed record KpiReport(DateOnly From, DateOnly To, KpiGroupBy GroupBy, IReadOnlyList<KpiPeriod> Periods);
