using System.Globalization;
using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection;

/// <summary>
/// KPIs from rollups only (DESIGN.md, "Reads never scan raw events on the request path"): reads the rollup rows of
/// the range (and of the year so far, for residual tonnage), the registry's sites, and hands them with the profile to
/// <see cref="KpiCalculator"/>, period by period.
/// </summary>
/// <param name="store">The event store (rollup reads).</param>
/// <param name="contexts">The registry.</param>
/// <param name="profile">The policy profile.</param>
public sealed class KpiService(CollectionEventStore store, IDbContextFactory<CitySortDbContext> contexts, PolicyProfile profile)
{
    /// <summary>The longest range one request may cover, in days (about ten years).</summary>
    public const int MaxRangeDays = 3700;

    /// <summary>Computes the KPIs of <paramref name="query"/>.</summary>
    /// <param name="query">Range, filters and grouping.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report, one period per day, month or year.</returns>
    /// <exception cref="ArgumentException">When <c>To</c> is before <c>From</c> or the range is longer than <see cref="MaxRangeDays"/>.</exception>
    public async Task<KpiReport> GetAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.To < query.From)
        {
            throw new ArgumentException($"'to' ({query.To:yyyy-MM-dd}) is before 'from' ({query.From:yyyy-MM-dd}).", nameof(query));
        }

        if (query.To.DayNumber - query.From.DayNumber + 1 > MaxRangeDays)
        {
            throw new ArgumentException($"The range may cover at most {MaxRangeDays} days.", nameof(query));
        }

        var yearStart = new DateOnly(query.From.Year, 1, 1);
        var daily = Filter(await store.ReadDailyAsync(yearStart, query.To, cancellationToken), query);
        var siteDays = await store.ReadSiteDaysAsync(query.From, query.To, cancellationToken);
        var vehicleDays = await store.ReadVehicleDaysAsync(query.From, query.To, cancellationToken);
        var (allSites, retiredSites, vehicleDistricts) = await RegistryAsync(cancellationToken);
        if (query.DistrictCode is { } district)
        {
            vehicleDays = vehicleDays.Where(v => vehicleDistricts.GetValueOrDefault(v.VehiclePlate) == district).ToArray();
        }

        var baselines = new Dictionary<int, decimal?>();
        var periods = new List<KpiPeriod>();
        foreach (var (label, from, to) in Periods(query.From, query.To, query.GroupBy))
        {
            var rows = daily.Where(r => r.BusinessDay >= from && r.BusinessDay <= to).ToArray();
            var ytd = daily.Where(r => r.BusinessDay.Year == to.Year && r.BusinessDay <= to).ToArray();
            var periodSites = siteDays.Where(d => d.BusinessDay >= from && d.BusinessDay <= to).ToArray();
            // A site retired by the period's last day is no longer counted as required (docs/registry.md, "Retiring").
            var sites = allSites.Where(s => RetirementRule.InServiceOn(retiredSites.GetValueOrDefault(s.SiteCode), to)).ToArray();
            if (!baselines.TryGetValue(to.Year, out var baseline))
            {
                baseline = await MeasuredBaselineAsync(to.Year, query, cancellationToken);
                baselines[to.Year] = baseline;
            }

            var figures = new List<KpiFigure>();
            var scopes = query.DistrictCode is { } d
                ? [d]
                : new string?[] { null }.Concat(rows.Select(r => r.DistrictCode).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToArray();
            foreach (var scope in scopes)
            {
                var mine = scope is null ? rows : rows.Where(r => r.DistrictCode == scope).ToArray();
                var mineYtd = scope is null ? ytd : ytd.Where(r => r.DistrictCode == scope).ToArray();
                figures.Add(Tag(KpiCalculator.SortedTransportRate(profile, mine, scope), query));
                figures.Add(Tag(KpiCalculator.HarmlessTreatmentRate(profile, mine, scope), query));
                figures.Add(Tag(KpiCalculator.ResidualTonnage(mine, scope), query));
                figures.Add(Tag(KpiCalculator.ResidualTonnageYearToDate(profile, mineYtd, to, scope, baseline), query));
                figures.AddRange(KpiCalculator.CollectedTonnage(mine, scope));
            }

            if (query.Category is null && query.FacilityCode is null)
            {
                figures.AddRange(KpiCalculator.Coverage(profile, sites, periodSites, query.DistrictCode));
            }

            if (query.FacilityCode is null && (query.Category is null || query.Category == nameof(Registry.WasteCategory.Other)))
            {
                figures.AddRange(KpiCalculator.SameDayClearance(profile, sites, periodSites, from, to, query.DistrictCode));
            }

            if (query.Category is null && query.FacilityCode is null)
            {
                figures.AddRange(KpiCalculator.Reconciliation(
                    profile, vehicleDays.Where(v => v.BusinessDay >= from && v.BusinessDay <= to), query.GroupBy == KpiGroupBy.Day, query.DistrictCode));
            }

            periods.Add(new KpiPeriod(label, from, to, figures));
        }

        return new KpiReport(query.From, query.To, query.GroupBy, periods);
    }

    /// <summary>The periods of a range: labels <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>, clipped to the range.</summary>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="groupBy">Period length.</param>
    public static IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Periods(DateOnly from, DateOnly to, KpiGroupBy groupBy)
    {
        var list = new List<(string, DateOnly, DateOnly)>();
        var start = from;
        while (start <= to)
        {
            var (label, end) = groupBy switch
            {
                KpiGroupBy.Month => (start.ToString("yyyy-MM", CultureInfo.InvariantCulture), new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1)),
                KpiGroupBy.Year => (start.ToString("yyyy", CultureInfo.InvariantCulture), new DateOnly(start.Year, 12, 31)),
                _ => (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start),
            };
            if (end > to)
            {
                end = to;
            }

            list.Add((label, start, end));
            start = end.AddDays(1);
        }

        return list;
    }

    private static DailyRollup[] Filter(IEnumerable<DailyRollup> rows, KpiQuery query) =>
        rows.Where(r => (query.DistrictCode is null || r.DistrictCode == query.DistrictCode)
                && (query.Category is null || r.Category == query.Category)
                && (query.FacilityCode is null || r.FacilityCode == query.FacilityCode))
            .ToArray();

    private static KpiFigure Tag(KpiFigure figure, KpiQuery query) =>
        figure with { Category = figure.Category ?? query.Category, FacilityCode = figure.FacilityCode ?? query.FacilityCode };

    /// <summary>The baseline year's residual tonnes from rollups, for a target whose baseline has no stated tonnes (W96-T7).</summary>
    private async Task<decimal?> MeasuredBaselineAsync(int year, KpiQuery query, CancellationToken cancellationToken)
    {
        var target = KpiCalculator.ResidualTargetFor(profile, year);
        if (target?.Baseline is not { Tonnes: null, Period: { From: { } from, To: { } to } })
        {
            return null;
        }

        var rows = Filter(await store.ReadDailyAsync(from, to, cancellationToken), query with { DistrictCode = null });
        var tonnes = rows.Where(r => r.FacilityKind is { } k && KpiCalculator.ResidualKinds.Contains(k)).Sum(r => r.TicketNetKg) / 1000m;
        return tonnes > 0 ? tonnes : null;
    }

    private async Task<(IReadOnlyList<SiteFacts> Sites, IReadOnlyDictionary<string, DateTimeOffset?> RetiredSites, IReadOnlyDictionary<string, string> VehicleDistricts)> RegistryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var streets = await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Bins).ToListAsync(cancellationToken);
        var vehicles = await db.Vehicles.AsNoTracking().ToDictionaryAsync(v => v.Plate, v => v.DistrictCode, StringComparer.Ordinal, cancellationToken);
        var facts = sites.Select(s => new SiteFacts(
            s.Code, s.Type, s.DistrictCode, s.StreetCode, s.Households ?? 0, s.Staff ?? 0, s.Floors, s.HasPropertyManagement, s.HasCanteen,
            s.IsWetDryPilot, s.IsBaggedZone, s.IsKitchenWasteHeavy, s.CollectedSorted,
            s.Bins.Select(b => new BinFacts(b.Category, b.Stream, b.Placement, b.Count, b.VolumeLitres, b.Bagged)).ToArray())
        {
            StreetName = s.StreetCode is null ? null : streets.GetValueOrDefault(s.StreetCode),
        }).ToArray();
        var retired = sites.Where(s => s.RetiredAt is not null).ToDictionary(s => s.Code, s => s.RetiredAt, StringComparer.Ordinal);
        return (facts, retired, vehicles);
    }
}
