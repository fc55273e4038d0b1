using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// The KPI arithmetic, as pure functions over rollup rows, registry facts and the profile (DESIGN.md, "Rules are
/// pure functions"): no I/O, no clock. docs/kpis.md gives each formula with its clause.
/// </summary>
public static class KpiCalculator
{
    /// <summary>A share of 1 or more.</summary>
    public const string AtLeast = "AtLeast";

    /// <summary>A figure of at most the target.</summary>
    public const string AtMost = "AtMost";

    private const string Share = "share";
    private const string Tonnes = "t";

    /// <summary>The facility kinds whose receipts are residual tonnage, incinerated or landfilled (W96-T5).</summary>
    public static readonly IReadOnlySet<FacilityKind> ResidualKinds = new HashSet<FacilityKind> { FacilityKind.WasteToEnergyPlant, FacilityKind.Landfill };

    /// <summary>
    /// Sorted-transport rate (W96-T4, profile <c>rateFormulas.sortedTransportRate</c> =
    /// <c>sortedNetKgOverCollectedNetKg</c>): net mass delivered by vehicles dedicated to the declared category ÷ all net
    /// mass weighed at receiving facilities. Transfer-station receipts are left out of both, because the station's
    /// onward loads are weighed again where they are treated.
    /// </summary>
    /// <param name="profile">The profile (formula, target).</param>
    /// <param name="rows">The period's daily rollup rows, already filtered.</param>
    /// <param name="districtCode">The district the rows are of, or null for the city.</param>
    /// <returns>The figure.</returns>
    public static KpiFigure SortedTransportRate(PolicyProfile profile, IEnumerable<DailyRollup> rows, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var received = Received(rows).ToArray();
        var collected = received.Sum(r => r.TicketNetKg) / 1000m;
        var sorted = profile.Settings.RateFormulas.Value.SortedTransportRate switch
        {
            SortedTransportRateFormula.SortedNetKgOverCollectedNetKg => received.Sum(r => r.TicketSortedNetKg) / 1000m,
            _ => throw new NotSupportedException("Unknown sorted-transport rate formula."),
        };
        var target = profile.Targets.FirstOrDefault(t => t.Kind == TargetKind.SortedTransportRate);
        return Rate("SortedTransportRate", districtCode, sorted, collected, target?.MinShare, target?.Clause ?? "W96-T4",
            received.Any(r => r.IsIllustrative) || profile.Settings.RateFormulas.IsIllustrative);
    }

    /// <summary>
    /// Harmless-treatment rate (W96-T4, profile <c>rateFormulas.harmlessTreatmentRate</c> =
    /// <c>treatedNetKgOverCollectedNetKg</c>): net mass received by a facility that accepts the declared category or
    /// stream ÷ all net mass weighed at receiving facilities (transfer stations left out as above).
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="rows">The period's daily rollup rows, already filtered.</param>
    /// <param name="districtCode">The district, or null for the city.</param>
    /// <returns>The figure.</returns>
    public static KpiFigure HarmlessTreatmentRate(PolicyProfile profile, IEnumerable<DailyRollup> rows, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var received = Received(rows).ToArray();
        var collected = received.Sum(r => r.TicketNetKg) / 1000m;
        var treated = profile.Settings.RateFormulas.Value.HarmlessTreatmentRate switch
        {
            HarmlessTreatmentRateFormula.TreatedNetKgOverCollectedNetKg => received.Sum(r => r.TicketTreatedNetKg) / 1000m,
            _ => throw new NotSupportedException("Unknown harmless-treatment rate formula."),
        };
        var target = profile.Targets.FirstOrDefault(t => t.Kind == TargetKind.HarmlessTreatmentRate);
        return Rate("HarmlessTreatmentRate", districtCode, treated, collected, target?.MinShare, target?.Clause ?? "W96-T4",
            received.Any(r => r.IsIllustrative) || profile.Settings.RateFormulas.IsIllustrative);
    }

    /// <summary>Residual tonnage of the period (W96-T5): net tonnes received at waste-to-energy plants and landfills, counted for the district the profile's <c>residualAttribution</c> names.</summary>
    /// <param name="rows">The period's daily rollup rows, already filtered.</param>
    /// <param name="districtCode">The district, or null for the city.</param>
    /// <returns>The figure (no target: the target is yearly, see <see cref="ResidualTonnageYearToDate"/>).</returns>
    public static KpiFigure ResidualTonnage(IEnumerable<DailyRollup> rows, string? districtCode)
    {
        var residual = rows.Where(r => r.FacilityKind is { } k && ResidualKinds.Contains(k)).ToArray();
        var tonnes = residual.Sum(r => r.TicketNetKg) / 1000m;
        return new KpiFigure("ResidualTonnage", districtCode, null, null, null, tonnes, Tonnes, tonnes, 1, null, null, "W96-T5", null, residual.Any(r => r.IsIllustrative));
    }

    /// <summary>
    /// Residual tonnage from 1 January to the period's end against the year's allowance (W96-T5 for 2015, W96-T7 for
    /// 2016): allowance = baseline tonnes × (1 − reduction share), prorated by the days of the year elapsed
    /// (allowance × days elapsed ÷ days in the year), so that a figure part-way through the year is comparable.
    /// </summary>
    /// <param name="profile">The profile (targets with baselines).</param>
    /// <param name="yearToDateRows">Daily rollup rows from 1 January of the period end's year to the period end, filtered.</param>
    /// <param name="periodEnd">The period's last day.</param>
    /// <param name="districtCode">The district, or null for the city (only the city has an allowance).</param>
    /// <param name="measuredBaselineTonnes">The baseline measured from rollups when the profile's baseline has no tonnes (W96-T7's 2015); null if unknown.</param>
    /// <returns>The figure.</returns>
    public static KpiFigure ResidualTonnageYearToDate(PolicyProfile profile, IEnumerable<DailyRollup> yearToDateRows, DateOnly periodEnd, string? districtCode, decimal? measuredBaselineTonnes)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var residual = yearToDateRows.Where(r => r.FacilityKind is { } k && ResidualKinds.Contains(k)).ToArray();
        var tonnes = residual.Sum(r => r.TicketNetKg) / 1000m;
        var target = ResidualTargetFor(profile, periodEnd.Year);
        decimal? allowed = null;
        if (districtCode is null && target?.ReductionShare is { } reduction && (target.Baseline?.Tonnes ?? measuredBaselineTonnes) is { } baseline)
        {
            var start = new DateOnly(periodEnd.Year, 1, 1);
            var daysInYear = DateTime.IsLeapYear(periodEnd.Year) ? 366 : 365;
            var elapsed = periodEnd.DayNumber - start.DayNumber + 1;
            allowed = Math.Round(baseline * (1m - reduction) * elapsed / daysInYear, 3);
        }

        bool? met = allowed is { } a ? tonnes <= a : null;
        return new KpiFigure("ResidualTonnageYearToDate", districtCode, null, null, null, tonnes, Tonnes, tonnes, 1, allowed, allowed is null ? null : AtMost,
            target?.Clause ?? "W96-T5", met, residual.Any(r => r.IsIllustrative));
    }

    /// <summary>The residual-tonnage reduction target whose period holds the year (W96-T5: 2015, W96-T7: 2016), or null.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="year">The calendar year.</param>
    public static Target? ResidualTargetFor(PolicyProfile profile, int year)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Targets.FirstOrDefault(t => t.Kind == TargetKind.ResidualTonnageReduction && t.Period is { } p && p.Contains(new DateOnly(year, 7, 1)));
    }

    /// <summary>Net tonnes weighed per category and facility in the period (no target; for the tonnage charts).</summary>
    /// <param name="rows">The period's daily rollup rows, filtered.</param>
    /// <param name="districtCode">The district, or null for the city.</param>
    public static IReadOnlyList<KpiFigure> CollectedTonnage(IEnumerable<DailyRollup> rows, string? districtCode) =>
        rows.Where(r => r.TicketCount > 0)
            .GroupBy(r => (r.Category, r.FacilityCode))
            .OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.FacilityCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var t = g.Sum(r => r.TicketNetKg) / 1000m;
                return new KpiFigure("CollectedTonnage", districtCode, g.Key.Category, g.Key.FacilityCode, null, t, Tonnes, t, 1, null, null, "W96-A6", null, g.Any(r => r.IsIllustrative));
            })
            .ToArray();

    /// <summary>
    /// Which sites were collected sorted in a period (W96-T1, the profile's <c>covered.collectedSorted</c>): every
    /// category a site holds bins of was collected from it at least once in the period. A site without category bins
    /// is never collected sorted.
    /// </summary>
    /// <param name="sites">The registry sites.</param>
    /// <param name="siteDays">The period's site rollup rows.</param>
    /// <returns>The codes of the sites collected sorted.</returns>
    public static IReadOnlySet<string> CollectedSorted(IEnumerable<SiteFacts> sites, IEnumerable<SiteDayRollup> siteDays) =>
        CollectedSorted(sites, siteDays.Where(d => d.PickupCount > 0).ToLookup(d => d.SiteCode, d => d.Category, StringComparer.Ordinal));

    /// <summary>As <see cref="CollectedSorted(IEnumerable{SiteFacts}, IEnumerable{SiteDayRollup})"/>, from the categories collected at each site in the period.</summary>
    /// <param name="sites">The registry sites.</param>
    /// <param name="collected">Site code → the category names collected there in the period (at least one pickup).</param>
    /// <returns>The codes of the sites collected sorted.</returns>
    public static IReadOnlySet<string> CollectedSorted(IEnumerable<SiteFacts> sites, ILookup<string, string> collected)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(collected);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            var needed = site.Bins.Where(b => b.Category is not null && b.Count > 0).Select(b => b.Category!.Value.ToString()).Distinct().ToArray();
            var got = collected[site.SiteCode].ToHashSet(StringComparer.Ordinal);
            if (needed.Length > 0 && needed.All(got.Contains))
            {
                result.Add(site.SiteCode);
            }
        }

        return result;
    }

    /// <summary>
    /// Coverage of the period (W96-T1) as the profile defines "covered" (required bins in place and, from pickups,
    /// collected sorted in the period) with the profile's weighting, through <see cref="CoverageCalculator"/>: the city
    /// figure and one per district.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="sites">The registry sites (their static <c>CollectedSorted</c> flag is replaced).</param>
    /// <param name="siteDays">The period's site rollup rows.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public static IReadOnlyList<KpiFigure> Coverage(PolicyProfile profile, IReadOnlyList<SiteFacts> sites, IEnumerable<SiteDayRollup> siteDays, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(siteDays);
        return Coverage(profile, sites.Select(s => SiteCoverageInput.From(profile, s)).ToArray(), siteDays.Where(d => d.PickupCount > 0).ToLookup(d => d.SiteCode, d => d.Category, StringComparer.Ordinal), districtCode);
    }

    /// <summary>
    /// As <see cref="Coverage(PolicyProfile, IReadOnlyList{SiteFacts}, IEnumerable{SiteDayRollup}, string?)"/>, from sites
    /// whose bins were already checked (<see cref="SiteCoverageInput.From"/>, once for all periods) and the categories
    /// collected at each site in the period.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="sites">The registry sites with their bin check (their static <c>CollectedSorted</c> flag is replaced).</param>
    /// <param name="collected">Site code → the category names collected there in the period.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public static IReadOnlyList<KpiFigure> Coverage(PolicyProfile profile, IReadOnlyList<SiteCoverageInput> sites, ILookup<string, string> collected, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sites);
        var collectedSorted = CollectedSorted(sites.Select(s => s.Site), collected);
        var inputs = sites.Select(s => s with { Site = s.Site with { CollectedSorted = collectedSorted.Contains(s.Site.SiteCode) } }).ToArray();
        return Coverage(profile, CoverageCalculator.InScope(profile, inputs), districtCode);
    }

    /// <summary>
    /// Coverage (W96-T1) of sites in the profile's scope whose bins were checked and whose collected-sorted flag is
    /// the period's: the city figure and one per district, as <see cref="CoverageCalculator.UrbanAndDistricts"/> gives them.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="sitesInScope">The sites in scope (<see cref="CoverageCalculator.InScope"/>) with the period's <c>CollectedSorted</c>.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public static IReadOnlyList<KpiFigure> Coverage(PolicyProfile profile, IReadOnlyList<SiteCoverageInput> sitesInScope, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (overall, byDistrict) = CoverageCalculator.UrbanAndDistricts(profile, sitesInScope);
        return CoverageFigures(overall, byDistrict, districtCode);
    }

    /// <summary>The KPI figures of coverage figures: the city's (unless one district is asked for) and the districts'.</summary>
    internal static IReadOnlyList<KpiFigure> CoverageFigures(CoverageFigure? overall, IEnumerable<CoverageFigure> byDistrict, string? districtCode)
    {
        var figures = new List<KpiFigure>();
        if (districtCode is null && overall is not null)
        {
            figures.Add(FromCoverage(overall, null));
        }

        figures.AddRange(byDistrict.Where(d => districtCode is null || d.ScopeCode == districtCode).Select(d => FromCoverage(d, d.ScopeCode)));
        return figures;
    }

    /// <summary>
    /// Same-day clearance of other waste (W96-K3 日产日清) over the period's days: a site is due every day when it
    /// holds an <c>Other</c> bin, and cleared that day when an <c>Other</c> pickup reached it no later than the
    /// profile's clearance time (the planning setting's <c>shiftEnd</c>, 17:00 in the Wenzhou profile; 23:59 when the
    /// profile has no planning setting). Value = cleared site-days ÷ due site-days; target 100 %.
    /// </summary>
    /// <param name="profile">The profile (clearance time, scope).</param>
    /// <param name="sites">The registry sites.</param>
    /// <param name="siteDays">The period's site rollup rows.</param>
    /// <param name="from">The period's first day.</param>
    /// <param name="to">The period's last day.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public static IReadOnlyList<KpiFigure> SameDayClearance(PolicyProfile profile, IReadOnlyList<SiteFacts> sites, IEnumerable<SiteDayRollup> siteDays, DateOnly from, DateOnly to, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(siteDays);
        var deadline = ClearanceTime(profile);
        var other = WasteCategory.Other.ToString();
        var cleared = siteDays.Where(d => d.Category == other && d.PickupCount > 0 && d.FirstPickupTime <= deadline && d.BusinessDay >= from && d.BusinessDay <= to)
            .Select(d => (d.SiteCode, d.BusinessDay))
            .Distinct()
            .GroupBy(d => d.SiteCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return SameDayClearance(profile, sites, cleared, to.DayNumber - from.DayNumber + 1, districtCode);
    }

    /// <summary>
    /// As <see cref="SameDayClearance(PolicyProfile, IReadOnlyList{SiteFacts}, IEnumerable{SiteDayRollup}, DateOnly, DateOnly, string?)"/>,
    /// from the number of days each site was cleared by the profile's clearance time in the period.
    /// </summary>
    /// <param name="profile">The profile (scope, clause).</param>
    /// <param name="sites">The registry sites.</param>
    /// <param name="clearedDays">Site code → the period's days on which its first <c>Other</c> pickup came no later than the clearance time.</param>
    /// <param name="days">The period's length in days.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public static IReadOnlyList<KpiFigure> SameDayClearance(PolicyProfile profile, IReadOnlyList<SiteFacts> sites, IReadOnlyDictionary<string, long> clearedDays, int days, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sites);
        return SameDayClearanceOfDue(profile, sites.Where(s => IsDueForClearance(profile, s)).ToArray(), clearedDays, days, districtCode);
    }

    /// <summary>Whether same-day clearance (W96-K3) is due at a site every day: it is in the profile's scope and holds an <c>Other</c> bin.</summary>
    /// <param name="profile">The profile (scope).</param>
    /// <param name="site">The site.</param>
    public static bool IsDueForClearance(PolicyProfile profile, SiteFacts site)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(site);
        return profile.IsInScope(site.DistrictCode, site.StreetCode, site.StreetName) && site.Bins.Any(b => b.Category == WasteCategory.Other && b.Count > 0);
    }

    /// <summary>
    /// As <see cref="SameDayClearance(PolicyProfile, IReadOnlyList{SiteFacts}, IReadOnlyDictionary{string, long}, int, string?)"/>,
    /// from the sites already known to be due (<see cref="IsDueForClearance"/>), so that the check is made once for many periods.
    /// </summary>
    /// <param name="profile">The profile (clause).</param>
    /// <param name="due">The due sites.</param>
    /// <param name="clearedDays">Site code → the period's days on which its first <c>Other</c> pickup came no later than the clearance time.</param>
    /// <param name="days">The period's length in days.</param>
    /// <param name="districtCode">Only this district, or null for the city and every district.</param>
    public static IReadOnlyList<KpiFigure> SameDayClearanceOfDue(PolicyProfile profile, IReadOnlyList<SiteFacts> due, IReadOnlyDictionary<string, long> clearedDays, int days, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(clearedDays);
        var other = WasteCategory.Other.ToString();
        var clause = profile.CollectionModes.FirstOrDefault(m => m.SameDayClearance)?.Clause ?? "W96-K3";
        KpiFigure Figure(string? district, IReadOnlyList<SiteFacts> group)
        {
            decimal dueDays = group.Count * (decimal)days;
            decimal cleared = group.Sum(s => Math.Min(days, clearedDays.GetValueOrDefault(s.SiteCode)));
            return Rate("SameDayClearance", district, cleared, dueDays, 1m, clause, false) with { Category = other };
        }

        var figures = new List<KpiFigure>();
        if (districtCode is null)
        {
            figures.Add(Figure(null, due));
        }

        figures.AddRange(due.GroupBy(s => s.DistrictCode, StringComparer.Ordinal)
            .Where(g => districtCode is null || g.Key == districtCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figure(g.Key, g.ToArray())));
        return figures;
    }

    /// <summary>The profile's same-day clearance time (planning <c>shiftEnd</c>), or 23:59.</summary>
    /// <param name="profile">The profile.</param>
    public static TimeOnly ClearanceTime(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Settings.Planning?.Value.ShiftEnd ?? new TimeOnly(23, 59);
    }

    /// <summary>
    /// Reconciliation of pickup estimates against ticket nets (profile <c>reconciliationGapShare</c>, W96-A6): per
    /// vehicle-day, gap = |estimated − net| ÷ net, flagged above the share (0.2 when the profile has no setting); a
    /// vehicle-day with pickups but no ticket has no value and is flagged. With <paramref name="perVehicle"/> one figure
    /// per vehicle-day, and always the share of vehicle-days flagged.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="vehicleDays">The period's vehicle rollup rows, filtered.</param>
    /// <param name="perVehicle">True to list every vehicle-day.</param>
    /// <param name="districtCode">The district the rows are of, or null.</param>
    public static IReadOnlyList<KpiFigure> Reconciliation(PolicyProfile profile, IEnumerable<VehicleDayRollup> vehicleDays, bool perVehicle, string? districtCode)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var setting = profile.Settings.ReconciliationGapShare;
        var share = setting?.Value ?? 0.2m;
        var clause = setting?.Clause ?? "W96-A6";
        var figures = new List<KpiFigure>();
        int flagged = 0, counted = 0;
        var illustrative = false;
        foreach (var v in vehicleDays.OrderBy(v => v.BusinessDay).ThenBy(v => v.VehiclePlate, StringComparer.Ordinal))
        {
            if (v.PickupCount == 0 && v.TicketCount == 0)
            {
                continue;
            }

            counted++;
            illustrative |= v.IsIllustrative;
            var gapTonnes = Math.Abs(v.PickupEstimatedKg - v.TicketNetKg) / 1000m;
            var netTonnes = v.TicketNetKg / 1000m;
            decimal? gap = netTonnes > 0 ? gapTonnes / netTonnes : null;
            var met = gap is { } g && g <= share;
            if (!met)
            {
                flagged++;
            }

            if (perVehicle)
            {
                figures.Add(new KpiFigure("ReconciliationGap", districtCode, null, null, v.VehiclePlate, gap, Share, gapTonnes, netTonnes, share, AtMost, clause, met, v.IsIllustrative));
            }
        }

        figures.Add(new KpiFigure("ReconciliationFlaggedShare", districtCode, null, null, null, counted > 0 ? (decimal)flagged / counted : null, Share, flagged, counted, null, null, clause, null, illustrative));
        return figures;
    }

    private static IEnumerable<DailyRollup> Received(IEnumerable<DailyRollup> rows) =>
        rows.Where(r => r.TicketCount > 0 && r.FacilityKind is { } k && k != FacilityKind.TransferStation);

    private static KpiFigure Rate(string kpi, string? district, decimal numerator, decimal denominator, decimal? target, string clause, bool illustrative)
    {
        decimal? value = denominator > 0 ? numerator / denominator : null;
        bool? met = value is { } v && target is { } t ? v >= t : null;
        return new KpiFigure(kpi, district, null, null, null, value, Share, numerator, denominator, target, target is null ? null : AtLeast, clause, met, illustrative);
    }

    private static KpiFigure FromCoverage(CoverageFigure f, string? district) =>
        new("Coverage", district, null, null, null, f.Share, Share, f.Numerator, f.Denominator, f.TargetShare, f.TargetShare is null ? null : AtLeast,
            f.TargetClause ?? "W96-T1", f.Met, false);
}
