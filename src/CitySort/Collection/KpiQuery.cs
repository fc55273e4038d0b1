namespace CitySort.Collection;

/// <summary>A KPI request (GET /api/kpis).</summary>
/// <param name="From">First business day (inclusive).</param>
/// <param name="To">Last business day (inclusive).</param>
/// <param name="DistrictCode">Only this district, or null for all (and the city total).</param>
/// <param name="Category">Only this category or stream name (<c>Other</c>, <c>Catering</c>), or null.</param>
/// <param name="FacilityCode">Only tickets at this facility, or null.</param>
/// <param name="GroupBy">The period length.</param>
public sealed record KpiQuery(DateOnly From, DateOnly To, string? DistrictCode = null, string? Category = null, string? FacilityCode = null, KpiGroupBy GroupBy = KpiGroupBy.Day);
