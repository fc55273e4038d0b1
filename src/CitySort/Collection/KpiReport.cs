namespace CitySort.Collection;

/// <summary>The answer of GET /api/kpis.</summary>
/// <param name="From">First day asked for.</param>
/// <param name="To">Last day asked for.</param>
/// <param name="GroupBy">The period length.</param>
/// <param name="Periods">The periods, oldest first.</param>
/// <param name="ProfileId">The policy profile whose targets, formulas and clearance time were used (issue 12, item 4: everything computed names its profile).</param>
/// <param name="ProfileVersion">That profile's version.</param>
public sealed record KpiReport(DateOnly From, DateOnly To, KpiGroupBy GroupBy, IReadOnlyList<KpiPeriod> Periods, string ProfileId, string ProfileVersion);
