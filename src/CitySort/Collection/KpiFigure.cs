namespace CitySort.Collection;

/// <summary>One KPI figure of one period, with its arithmetic and its target (docs/kpis.md).</summary>
/// <param name="Kpi">The KPI: <c>Coverage</c>, <c>SortedTransportRate</c>, <c>HarmlessTreatmentRate</c>, <c>ResidualTonnage</c>,
/// <c>ResidualTonnageYearToDate</c>, <c>SameDayClearance</c>, <c>ReconciliationGap</c>, <c>ReconciliationFlaggedShare</c>, <c>CollectedTonnage</c>.</param>
/// <param name="DistrictCode">The district, or null for the whole city.</param>
/// <param name="Category">The category or stream, or null for all.</param>
/// <param name="FacilityCode">The facility, or null for all.</param>
/// <param name="VehiclePlate">The vehicle (reconciliation only), or null.</param>
/// <param name="Value">The figure (a share 0..1, or tonnes); null when the denominator is zero.</param>
/// <param name="Unit"><c>share</c> or <c>t</c>.</param>
/// <param name="Numerator">The numerator (tonnes, sites or site-days).</param>
/// <param name="Denominator">The denominator (1 for plain tonnages).</param>
/// <param name="Target">The target (a share, or tonnes), or null when none applies.</param>
/// <param name="TargetComparison"><c>AtLeast</c> or <c>AtMost</c>, or null without a target.</param>
/// <param name="ClauseId">The clause the figure answers to (W96-T1, W96-T4, W96-T5, W96-K3, …).</param>
/// <param name="Met">Whether the target is met; null without a target or value.</param>
/// <param name="IsIllustrative">True when demo events or illustrative settings went into it.</param>
public sealed record KpiFigure(
    string Kpi,
    string? DistrictCode,
    string? Category,
    string? FacilityCode,
    string? VehiclePlate,
    decimal? Value,
    string Unit,
    decimal Numerator,
    decimal Denominator,
    decimal? Target,
    string? TargetComparison,
    string? ClauseId,
    bool? Met,
    bool IsIllustrative);
