using System.Globalization;
using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Security;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection;

/// <summary>
/// KPIs from rollups only (DESIGN.md, "Reads never scan raw events on the request path"): reads the rollup rows of
/// the range (and of the year so far, for residual tonnage), the registry's sites, and hands them with the profile to
/// <see cref="KpiCalculator"/>, period by period. Periods of whole calendar months read the site rollup by year
/// (<see cref="MonthRollups"/>, one row per site and year holding each month's counts) and the daily rollup summed by
/// month; other periods read the site-day and daily rollups. The sites' bin checks, scope and clearance duty are
/// prepared once per registry load (<see cref="KpiSiteBasis"/>), so that a period costs only its collected flags. The
/// registry's sites (with their bins checked against the profile) and vehicles are kept as long as the intake's
/// <see cref="RegistrySnapshot"/> from <see cref="RegistrySnapshotSource"/> stays the same: a new snapshot (after
/// <see cref="CollectionOptions.RegistryRefreshInterval"/>, or at once after an import, an edit or the demo city's
/// removal through the server, which invalidate it) reloads them, so that KPIs and the intake see the same registry.
/// </summary>
/// <param name="store">The event store (rollup reads).</param>
/// <param name="monthRollups">The rollups by month.</param>
/// <param name="contexts">The registry.</param>
/// <param name="profile">The policy profile.</param>
/// <param name="snapshots">The intake's registry snapshot, whose identity says when the registry was reloaded.</param>
public sealed class KpiService(
    CollectionEventStore store, MonthRollups monthRollups, IDbContextFactory<CitySortDbContext> contexts, PolicyProfile profile, RegistrySnapshotSource snapshots)
{
    private RegistryFacts? registry;

    /// <summary>The longest range one request may cover, in days (about ten years).</summary>
    public const int MaxRangeDays = 3700;

    /// <summary>
    /// Computes the KPIs of <paramref name="query"/> within <paramref name="scope"/>. For the whole city this is
    /// <see cref="GetAsync(KpiQuery, CancellationToken)"/>. For a district officer there is no city total: a query of
    /// one district in the scope is answered as it is, a query of a district outside it gets periods without figures,
    /// and a query of no district gets each of the officer's districts' figures (as if asked district by district).
    /// </summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="query">Range, filters and grouping.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report, one period per day, month or year.</returns>
    /// <exception cref="ArgumentException">As <see cref="GetAsync(KpiQuery, CancellationToken)"/>.</exception>
    public async Task<KpiReport> GetAsync(AccessScope scope, KpiQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        if (scope.DistrictCodes is not { } mine)
        {
            return await GetAsync(query, cancellationToken);
        }

        IReadOnlyList<string> districts = query.DistrictCode is { } asked ? (scope.Allows(asked) ? [asked] : []) : mine;
        var figures = Periods(query.From, query.To, query.GroupBy).Select(_ => new List<KpiFigure>()).ToList();
        foreach (var district in districts)
        {
            var report = await GetAsync(query with { DistrictCode = district }, cancellationToken);
            for (var i = 0; i < report.Periods.Count; i++)
            {
                figures[i].AddRange(report.Periods[i].Figures);
            }
        }

        var periods = Periods(query.From, query.To, query.GroupBy).Select((p, i) => new KpiPeriod(p.Label, p.From, p.To, figures[i])).ToList();
        return new KpiReport(query.From, query.To, query.GroupBy, periods, profile.Id, profile.Version);
    }

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
        var list = Periods(query.From, query.To, query.GroupBy);
        var whole = list.Where(p => IsWholeMonths(p.From, p.To)).ToArray();
        var partial = list.Where(p => !IsWholeMonths(p.From, p.To)).ToArray();

        // Periods of whole months (and the year to date before them) need only the monthly sums of the daily rollup.
        var daily = Filter(
            partial.Length == 0 && IsWholeMonths(yearStart, query.To)
                ? await monthRollups.ReadDailyByMonthAsync(yearStart, query.To, cancellationToken)
                : await store.ReadDailyAsync(yearStart, query.To, cancellationToken),
            query);
        var deadline = KpiCalculator.ClearanceTime(profile);
        IReadOnlyList<SiteYearMonths> months = [];
        if (whole.Length > 0)
        {
            await monthRollups.EnsureClearanceMinuteAsync((deadline.Hour * 60) + deadline.Minute, cancellationToken);
            months = await monthRollups.ReadSiteYearsAsync(whole.Min(p => p.From).Year, whole.Max(p => p.To).Year, cancellationToken);
        }

        var siteDays = new List<SiteDayRollup>();
        foreach (var (from, to) in partial.Length > 2 ? [(partial.Min(p => p.From), partial.Max(p => p.To))] : partial.Select(p => (p.From, p.To)))
        {
            siteDays.AddRange(await store.ReadSiteDaysAsync(from, to, cancellationToken));
        }

        var vehicleDays = await store.ReadVehicleDaysAsync(query.From, query.To, cancellationToken);
        var facts = await RegistryAsync(cancellationToken);
        if (query.DistrictCode is { } district)
        {
            vehicleDays = vehicleDays.Where(v => facts.VehicleDistricts.GetValueOrDefault(v.VehiclePlate) == district).ToArray();
        }

        // Rows by day once, so that each period reads its own days instead of filtering the whole range again.
        var dailyByDay = daily.ToLookup(r => r.BusinessDay);
        var monthsByYear = months.ToLookup(m => m.Year);
        var siteDaysByDay = siteDays.Where(d => d.PickupCount > 0).ToLookup(d => d.BusinessDay);
        var vehicleDaysByDay = vehicleDays.ToLookup(v => v.BusinessDay);
        var baselines = new Dictionary<int, decimal?>();
        var periods = new List<KpiPeriod>();
        var other = nameof(Registry.WasteCategory.Other);
        foreach (var (label, from, to) in list)
        {
            var rows = Days(from, to).SelectMany(day => dailyByDay[day]).ToArray();
            var ytd = Days(new DateOnly(to.Year, 1, 1), to).SelectMany(day => dailyByDay[day]).ToArray();
            var collected = new Dictionary<string, int>(StringComparer.Ordinal);
            var cleared = new Dictionary<string, long>(StringComparer.Ordinal);
            if (IsWholeMonths(from, to))
            {
                for (var month = from; month <= to; month = month.AddMonths(1))
                {
                    foreach (var m in monthsByYear[month.Year])
                    {
                        collected[m.SiteCode] = collected.GetValueOrDefault(m.SiteCode) | m.CollectedMask(month.Month);
                        cleared[m.SiteCode] = cleared.GetValueOrDefault(m.SiteCode) + m.ClearedDays(month.Month);
                    }
                }
            }
            else
            {
                foreach (var day in Days(from, to))
                {
                    foreach (var siteDay in siteDaysByDay[day])
                    {
                        collected[siteDay.SiteCode] = collected.GetValueOrDefault(siteDay.SiteCode) | KpiSiteBasis.Bit(siteDay.Category);
                    }

                    // A site-day counts once however many rows it has (distinct days).
                    foreach (var code in siteDaysByDay[day].Where(r => r.Category == other && r.FirstPickupTime <= deadline).Select(r => r.SiteCode).Distinct(StringComparer.Ordinal))
                    {
                        cleared[code] = cleared.GetValueOrDefault(code) + 1;
                    }
                }
            }

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
                figures.AddRange(facts.Sites.Coverage(collected, to, query.DistrictCode));
            }

            if (query.FacilityCode is null && (query.Category is null || query.Category == other))
            {
                figures.AddRange(facts.Sites.SameDayClearance(cleared, to.DayNumber - from.DayNumber + 1, to, query.DistrictCode));
            }

            if (query.Category is null && query.FacilityCode is null)
            {
                figures.AddRange(KpiCalculator.Reconciliation(
                    profile, Days(from, to).SelectMany(day => vehicleDaysByDay[day]), query.GroupBy == KpiGroupBy.Day, query.DistrictCode));
            }

            periods.Add(new KpiPeriod(label, from, to, figures));
        }

        return new KpiReport(query.From, query.To, query.GroupBy, periods, profile.Id, profile.Version);
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

    /// <summary>True when the period is one or more whole calendar months.</summary>
    private static bool IsWholeMonths(DateOnly from, DateOnly to) => from.Day == 1 && to.AddDays(1).Day == 1;

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
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

    private async Task<RegistryFacts> RegistryAsync(CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        if (registry is { } kept && ReferenceEquals(kept.Snapshot, snapshot))
        {
            return kept;
        }

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
        var loaded = new RegistryFacts(new KpiSiteBasis(profile, facts, retired), vehicles, snapshot);
        registry = loaded;
        return loaded;
    }

    /// <summary>The registry as the KPIs use it: the sites prepared for coverage and clearance, and vehicles' districts by plate.</summary>
    private sealed record RegistryFacts(
        KpiSiteBasis Sites,
        IReadOnlyDictionary<string, string> VehicleDistricts,
        RegistrySnapshot Snapshot);
}
