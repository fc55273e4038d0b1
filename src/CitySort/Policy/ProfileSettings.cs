namespace CitySort.Policy;

/// <summary>
/// The implementer's choices the plan leaves open (POLICY.md, "What the plan leaves to the implementer"), each a
/// named setting of the profile with the clause it interprets and a note saying it is CitySort's choice.
/// </summary>
/// <param name="Covered">What counts as a covered site (W96-T1).</param>
/// <param name="CoverageWeighting">How coverage is weighted (W96-T1).</param>
/// <param name="EssentiallyAllThreshold">The share read as "essentially all" (基本达到全覆盖, W96-T1), e.g. 0.95.</param>
/// <param name="HighRiseMinFloors">Least floors of a high-rise building (W96-B1), e.g. 10.</param>
/// <param name="BinsPerFloor">Bins per category per floor where bins stand on every floor (W96-B1..B3), 1.</param>
/// <param name="RateFormulas">How the W96-T4 rates are computed from weigh tickets.</param>
/// <param name="GateFees">Disposal fee per tonne at each facility (W96-A3/A4); illustrative in the demo profile.</param>
/// <param name="ResidualAttribution">How residual tonnage is attributed to districts (W96-T5).</param>
/// <param name="WorkingDays">Working days and report due dates (W96-A5).</param>
/// <param name="Planning">How the dedicated lines' day is planned (W96-K3, W96-T3); null when the profile has no <c>planning</c> setting.</param>
/// <param name="ReconciliationGapShare">The largest share of a vehicle-day's ticket nets by which its pickup estimates may differ before the day is flagged (W96-A6); null when the profile has no <c>reconciliationGapShare</c> setting.</param>
/// <param name="RouteChecks">How driven tracks are checked against planned lines (W96-R1, W96-T3); null when the profile has no <c>routeChecks</c> setting.</param>
/// <param name="MealBreak">The crews' meal break that the daily plans keep (W96-K3, W96-T3); null when the profile has no <c>mealBreak</c> setting (no break is planned).</param>
public sealed record ProfileSettings(
    ProfileSetting<CoveredDefinition> Covered,
    ProfileSetting<CoverageWeightingRule> CoverageWeighting,
    ProfileSetting<decimal> EssentiallyAllThreshold,
    ProfileSetting<int> HighRiseMinFloors,
    ProfileSetting<int> BinsPerFloor,
    ProfileSetting<RateFormulas> RateFormulas,
    ProfileSetting<IReadOnlyList<FacilityGateFee>> GateFees,
    ProfileSetting<ResidualAttribution> ResidualAttribution,
    ProfileSetting<WorkingDayRules> WorkingDays,
    ProfileSetting<PlanningRules>? Planning = null,
    ProfileSetting<decimal>? ReconciliationGapShare = null,
    ProfileSetting<RouteCheckRules>? RouteChecks = null,
    ProfileSetting<MealBreakRule>? MealBreak = null)
{
    /// <summary>The gate fee of the facility with <paramref name="facilityKey"/>, or null when the profile has none.</summary>
    /// <param name="facilityKey">The facility's profile key, e.g. <c>yongqiang-wte</c>.</param>
    /// <returns>The fee entry or null.</returns>
    public FacilityGateFee? GateFeeFor(string facilityKey) =>
        GateFees.Value.FirstOrDefault(f => string.Equals(f.FacilityKey, facilityKey, StringComparison.Ordinal));
}
