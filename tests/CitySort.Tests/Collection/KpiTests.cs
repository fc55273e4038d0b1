using CitySort.Collection;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

public sealed class KpiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_kpis_of_a_hand_worked_day_follow_their_clauses_on_sqlite()
    {
        await using var host = await SqliteAsync();
        await AssertHandWorkedDayAsync(host);
    }

    [Fact]
    public async Task The_kpis_of_a_hand_worked_day_follow_their_clauses_on_postgresql()
    {
        await using var host = await PostgreSqlAsync();
        await AssertHandWorkedDayAsync(host);
    }

    [Fact]
    public async Task A_month_groups_its_days_and_a_district_filter_keeps_only_that_district()
    {
        await using var host = await SqliteAsync();
        await HandWorkedDay.SubmitAsync(host);

        var report = await host.Kpis.GetAsync(new KpiQuery(new DateOnly(2015, 11, 20), new DateOnly(2015, 12, 31), CollectionHost.Ouhai, GroupBy: KpiGroupBy.Month), Token);

        Assert.Equal(["2015-11", "2015-12"], report.Periods.Select(p => p.Period));
        var december = report.Periods[1];
        Assert.All(december.Figures, f => Assert.Equal(CollectionHost.Ouhai, f.DistrictCode));
        // Ouhai's residual tonnage: T-3 at the waste-to-energy plant, 500 kg = 0.5 t (T-4 went to a transfer station).
        Assert.Equal(0.5m, december.Figures.Single(f => f.Kpi == "ResidualTonnage").Value);
    }

    [Fact]
    public async Task A_whole_month_from_the_site_rollup_by_month_counts_the_hand_worked_day_over_its_31_days_on_sqlite()
    {
        await using var host = await SqliteAsync();
        await AssertHandWorkedMonthAsync(host);
    }

    [Fact]
    public async Task A_whole_month_from_the_site_rollup_by_month_counts_the_hand_worked_day_over_its_31_days_on_postgresql()
    {
        await using var host = await PostgreSqlAsync();
        await AssertHandWorkedMonthAsync(host);
    }

    [Fact]
    public async Task A_part_month_from_the_site_day_rollup_counts_the_hand_worked_day_over_its_own_days()
    {
        await using var host = await SqliteAsync();
        await HandWorkedDay.SubmitAsync(host);

        // 1..30 December is not a whole month, so it is read from the site-day rollup, not the rollup by month.
        var report = await host.Kpis.GetAsync(new KpiQuery(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 30), GroupBy: KpiGroupBy.Month), Token);

        var period = Assert.Single(report.Periods);
        KpiFigure City(string kpi) => period.Figures.Single(f => f.Kpi == kpi && f.DistrictCode is null);

        // W96-T1: only 1 December had pickups, so coverage is the day's: LC-1 covered of LC-1, LC-2, OH-1 = 1 ÷ 3.
        Assert.Equal((1m, 3m), (City("Coverage").Numerator, City("Coverage").Denominator));

        // W96-K3: 3 sites due on each of 30 days = 90 site-days; cleared LC-1 and LC-2 on 1 December = 2.
        Assert.Equal((2m, 90m), (City("SameDayClearance").Numerator, City("SameDayClearance").Denominator));
    }

    [Fact]
    public async Task A_late_pickup_and_a_rebuild_keep_the_site_rollup_by_year_exact_on_sqlite()
    {
        await using var host = await SqliteAsync();
        await AssertLatePickupAndRebuildAsync(host);
    }

    [Fact]
    public async Task A_late_pickup_and_a_rebuild_keep_the_site_rollup_by_year_exact_on_postgresql()
    {
        await using var host = await PostgreSqlAsync();
        await AssertLatePickupAndRebuildAsync(host);
    }

    private static async Task AssertLatePickupAndRebuildAsync(CollectionHost host)
    {
        await HandWorkedDay.SubmitAsync(host);
        var december = new KpiQuery(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 31), GroupBy: KpiGroupBy.Month);
        KpiFigure Clearance(KpiReport report) => report.Periods.Single().Figures.Single(f => f.Kpi == "SameDayClearance" && f.DistrictCode is null);
        var first = Clearance(await host.Kpis.GetAsync(december, Token));
        Assert.Equal((2m, 93m), (first.Numerator, first.Denominator));

        // A late pickup at OH-1 on 1 December at 09:00 moves its site-day's first pickup before 17:00 (an update of
        // the site-day row), and one on 15 December at 10:00 adds a site-day (an insert): cleared 2 + 1 + 1 = 4 of
        // 3 sites × 31 days = 93 (W96-K3).
        var late = await host.Intake.SubmitAsync(TruckDevice(OuhaiTruck), [Json(Pickup("P-5", OuhaiTruck, "OH-1", "Other", "2015-12-01T09:00:00+08:00", 100m), EventKind.Pickup)], Token);
        host.Clock.SetUtcNow(new DateTimeOffset(2015, 12, 15, 12, 0, 0, TimeSpan.FromHours(8)));
        var later = await host.Intake.SubmitAsync(TruckDevice(OuhaiTruck), [Json(Pickup("P-6", OuhaiTruck, "OH-1", "Other", "2015-12-15T10:00:00+08:00", 100m), EventKind.Pickup)], Token);
        Assert.All(late.Concat(later), r => Assert.Equal(IntakeOutcome.Accepted, r.Outcome));
        var before = await host.Kpis.GetAsync(december, Token);
        Assert.Equal((4m, 93m), (Clearance(before).Numerator, Clearance(before).Denominator));

        // The same month from the site-day rollup (1..30 December is not a whole month): 4 of 3 × 30 = 90.
        var days = await host.Kpis.GetAsync(december with { To = new DateOnly(2015, 12, 30) }, Token);
        Assert.Equal((4m, 90m), (Clearance(days).Numerator, Clearance(days).Denominator));

        // Rebuilding the rollups from the raw events deletes and re-inserts every site-day row; the site rollup by
        // year follows through its triggers and every figure of the month is the same.
        await host.Store.RebuildRollupsAsync(null, Token);
        var after = await host.Kpis.GetAsync(december, Token);
        Assert.Equal(before.Periods.Single().Figures, after.Periods.Single().Figures);
    }

    private static async Task AssertHandWorkedMonthAsync(CollectionHost host)
    {
        await HandWorkedDay.SubmitAsync(host);

        var report = await host.Kpis.GetAsync(new KpiQuery(new DateOnly(2015, 12, 1), new DateOnly(2015, 12, 31), GroupBy: KpiGroupBy.Month), Token);

        var month = Assert.Single(report.Periods);
        Assert.Equal("2015-12", month.Period);
        KpiFigure City(string kpi) => month.Figures.Single(f => f.Kpi == kpi && f.DistrictCode is null);
        KpiFigure Of(string kpi, string district) => month.Figures.Single(f => f.Kpi == kpi && f.DistrictCode == district);

        // W96-T1 over the month: the month's collected categories are the day's (no other day had pickups), so, as on
        // the day, LC-1 is covered and LC-2 (Recyclable never collected) and OH-1 (no Recyclable bin, W96-B4) are not:
        // city 1 ÷ 3, Lucheng 1 ÷ 2, Ouhai 0 ÷ 1.
        Assert.Equal((1m, 3m, 1m / 3m), (City("Coverage").Numerator, City("Coverage").Denominator, City("Coverage").Value));
        Assert.Equal((1m, 2m), (Of("Coverage", Lucheng).Numerator, Of("Coverage", Lucheng).Denominator));
        Assert.Equal((0m, 1m), (Of("Coverage", Ouhai).Numerator, Of("Coverage", Ouhai).Denominator));

        // W96-K3 over the month: every site is due on each of December's 31 days; cleared by 17:00 only LC-1 (07:30)
        // and LC-2 (08:00) on 1 December: city 2 ÷ (3 × 31 = 93), Lucheng 2 ÷ 62, Ouhai 0 ÷ 31.
        Assert.Equal((2m, 93m), (City("SameDayClearance").Numerator, City("SameDayClearance").Denominator));
        Assert.Equal((2m, 62m), (Of("SameDayClearance", Lucheng).Numerator, Of("SameDayClearance", Lucheng).Denominator));
        Assert.Equal((0m, 31m), (Of("SameDayClearance", Ouhai).Numerator, Of("SameDayClearance", Ouhai).Denominator));

        // Reconciliation over the month, without a figure per vehicle-day: 浙C10002 and 浙C20001 flagged of 3 = 2 ÷ 3.
        Assert.DoesNotContain(month.Figures, f => f.Kpi == "ReconciliationGap");
        Assert.Equal((2m, 3m), (City("ReconciliationFlaggedShare").Numerator, City("ReconciliationFlaggedShare").Denominator));
    }

    private static async Task AssertHandWorkedDayAsync(CollectionHost host)
    {
        await HandWorkedDay.SubmitAsync(host);

        var report = await host.Kpis.GetAsync(new KpiQuery(HandWorkedDay.Day, HandWorkedDay.Day), Token);

        var day = Assert.Single(report.Periods);
        Assert.Equal("2015-12-01", day.Period);
        KpiFigure City(string kpi) => day.Figures.Single(f => f.Kpi == kpi && f.DistrictCode is null && f.VehiclePlate is null);
        KpiFigure Of(string kpi, string district) => day.Figures.Single(f => f.Kpi == kpi && f.DistrictCode == district && f.VehiclePlate is null);

        // W96-T4 sorted-transport rate = net delivered by vehicles dedicated to the declared category ÷ net received
        // (transfer station T-4 left out): (T-1 1.1 t + T-2 0.04 t) ÷ (1.1 + 0.04 + T-3 0.5) = 1.14 ÷ 1.64 t.
        var sorted = City("SortedTransportRate");
        Assert.Equal((1.14m, 1.64m), (sorted.Numerator, sorted.Denominator));
        Assert.Equal(1.14m / 1.64m, sorted.Value);
        Assert.Equal((1m, "AtLeast", "W96-T4", false), (sorted.Target, sorted.TargetComparison, sorted.ClauseId, sorted.Met));

        // W96-T4 harmless-treatment rate = net received by a facility that accepts the declared category ÷ net
        // received: F-WTE takes Other (T-1, T-3), F-REC takes Recyclable (T-2): 1.64 ÷ 1.64 t = 100 %.
        var harmless = City("HarmlessTreatmentRate");
        Assert.Equal((1.64m, 1.64m, 1m, true), (harmless.Numerator, harmless.Denominator, harmless.Value, harmless.Met));

        // W96-T5 residual tonnage = net at waste-to-energy plants and landfills, counted for the delivering vehicle's
        // district (residualAttribution): city 1.1 + 0.5 = 1.6 t; Lucheng 1.1 t (浙C10001); Ouhai 0.5 t (浙C20001).
        Assert.Equal(1.6m, City("ResidualTonnage").Value);
        Assert.Equal(1.1m, Of("ResidualTonnage", Lucheng).Value);
        Assert.Equal(0.5m, Of("ResidualTonnage", Ouhai).Value);

        // W96-T5 year to date: allowance = 1,148,900 t × (1 − 0.03) × 335 / 365 (1 December is day 335 of 2015)
        // = 1,114,433 × 335 / 365 = 1,022,835.767 t; 1.6 t is within it.
        var ytd = City("ResidualTonnageYearToDate");
        Assert.Equal((1.6m, 1_022_835.767m, "AtMost", "W96-T5", true), (ytd.Value, ytd.Target, ytd.TargetComparison, ytd.ClauseId, ytd.Met));

        // W96-T1 coverage, covered = bins in place AND collected sorted (every category with a bin collected):
        // LC-1 has Recyclable + Other bins and both were collected → covered; LC-2 only Other collected → not;
        // OH-1 lacks the Recyclable bin a public place needs (W96-B4) → not. By site count: 1 ÷ 3; target 50 %.
        var coverage = City("Coverage");
        Assert.Equal((1m, 3m, 0.5m, "W96-T1", false), (coverage.Numerator, coverage.Denominator, coverage.Target, coverage.ClauseId, coverage.Met));
        Assert.Equal(1m / 3m, coverage.Value);
        Assert.Equal(0.5m, Of("Coverage", Lucheng).Value);

        // W96-K3 same-day clearance: all three sites hold an Other bin so are due; LC-1 (07:30) and LC-2 (08:00) were
        // cleared by 17:00, OH-1 (18:30) was not: 2 ÷ 3 site-days; Lucheng 2 ÷ 2, Ouhai 0 ÷ 1.
        var clearance = City("SameDayClearance");
        Assert.Equal((2m, 3m, "W96-K3", false), (clearance.Numerator, clearance.Denominator, clearance.ClauseId, clearance.Met));
        Assert.Equal(1m, Of("SameDayClearance", Lucheng).Value);
        Assert.Equal(0m, Of("SameDayClearance", Ouhai).Value);

        // Reconciliation, gap = |estimates − nets| ÷ nets, flagged above reconciliationGapShare 0.2:
        // 浙C10001 |1000 − 1100| ÷ 1100 = 0.0909 (met); 浙C10002 |50 − 40| ÷ 40 = 0.25 (flagged);
        // 浙C20001 |300 − 700| ÷ 700 = 0.5714 (flagged); flagged share 2 ÷ 3.
        var gaps = day.Figures.Where(f => f.Kpi == "ReconciliationGap").ToDictionary(f => f.VehiclePlate!);
        Assert.Equal((0.1m / 1.1m, true), (gaps[OtherTruck].Value, gaps[OtherTruck].Met));
        Assert.Equal((0.01m / 0.04m, false), (gaps[RecyclableTruck].Value, gaps[RecyclableTruck].Met));
        Assert.Equal((0.4m / 0.7m, false), (gaps[OuhaiTruck].Value, gaps[OuhaiTruck].Met));
        var flagged = City("ReconciliationFlaggedShare");
        Assert.Equal((2m, 3m), (flagged.Numerator, flagged.Denominator));

        // Tonnage per category and facility: Other at F-WTE 1.1 + 0.5 = 1.6 t.
        Assert.Equal(1.6m, day.Figures.Single(f => f.Kpi == "CollectedTonnage" && f.DistrictCode is null && f.Category == "Other" && f.FacilityCode == WasteToEnergy).Value);
    }
}
