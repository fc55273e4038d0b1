using CitySort.Collection;
using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Collection;

public sealed class KpiSiteBasisTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    private static SiteFacts PublicPlace(string code, params WasteCategory[] bins) => new(
        code, SiteType.PublicPlace, CollectionHost.Lucheng, "330302001", 0, 0, 1, false, false, false, false, false, false,
        bins.Select(c => new BinFacts(c, null, BinPlacement.Site, 1, 240, false)).ToArray());

    [Fact]
    public void A_site_retired_before_the_period_ends_leaves_that_periods_coverage_and_clearance()
    {
        // A and B are Lucheng public places with Recyclable and Other bins (in place, W96-B4); both had both
        // categories collected. B was retired at the start of 10 December 2015 (Asia/Shanghai).
        SiteFacts[] sites = [PublicPlace("A", WasteCategory.Recyclable, WasteCategory.Other), PublicPlace("B", WasteCategory.Recyclable, WasteCategory.Other)];
        var retired = new Dictionary<string, DateTimeOffset?> { ["B"] = new DateTimeOffset(2015, 12, 10, 0, 0, 0, TimeSpan.FromHours(8)) };
        var basis = new KpiSiteBasis(Profile, sites, retired);
        var both = KpiSiteBasis.MaskOf([WasteCategory.Recyclable, WasteCategory.Other]);
        var collected = new Dictionary<string, int> { ["A"] = both, ["B"] = both };

        // W96-T1, covered = bins in place and collected sorted: up to 9 December both count, 2 ÷ 2; over December
        // B is retired by the 31st and no longer required, 1 ÷ 1.
        var early = basis.Coverage(collected, new DateOnly(2015, 12, 9), null).Single(f => f.DistrictCode is null);
        var month = basis.Coverage(collected, new DateOnly(2015, 12, 31), null).Single(f => f.DistrictCode is null);
        Assert.Equal((2m, 2m), (early.Numerator, early.Denominator));
        Assert.Equal((1m, 1m), (month.Numerator, month.Denominator));

        // W96-K3 over December's 31 days: only A is due, cleared on 5 days: 5 ÷ 31.
        var clearance = basis.SameDayClearance(new Dictionary<string, long> { ["A"] = 5, ["B"] = 9 }, 31, new DateOnly(2015, 12, 31), null).Single(f => f.DistrictCode is null);
        Assert.Equal((5m, 31m), (clearance.Numerator, clearance.Denominator));
    }

    [Fact]
    public void A_site_is_collected_sorted_only_when_every_category_it_has_bins_of_was_collected()
    {
        // W96-T1 collectedSorted: A (Recyclable + Other bins) had only Other collected → not covered; B (same bins)
        // had both → covered; C has no category bins → never collected sorted. By site count 1 ÷ 3, the same as
        // the calculator over the same sites and collected categories.
        SiteFacts[] sites = [PublicPlace("A", WasteCategory.Recyclable, WasteCategory.Other), PublicPlace("B", WasteCategory.Recyclable, WasteCategory.Other), PublicPlace("C")];
        var basis = new KpiSiteBasis(Profile, sites, new Dictionary<string, DateTimeOffset?>());
        var collected = new Dictionary<string, int>
        {
            ["A"] = KpiSiteBasis.Bit(WasteCategory.Other),
            ["B"] = KpiSiteBasis.MaskOf([WasteCategory.Recyclable, WasteCategory.Other]),
            ["C"] = KpiSiteBasis.MaskOf([WasteCategory.Recyclable, WasteCategory.Other]),
        };
        var names = new[] { ("A", "Other"), ("B", "Recyclable"), ("B", "Other"), ("C", "Recyclable"), ("C", "Other") }.ToLookup(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

        var figures = basis.Coverage(collected, new DateOnly(2015, 12, 31), null);
        var calculated = KpiCalculator.Coverage(Profile, sites.Select(s => SiteCoverageInput.From(Profile, s)).ToArray(), names, null);

        var city = figures.Single(f => f.DistrictCode is null);
        Assert.Equal((1m, 3m), (city.Numerator, city.Denominator));
        Assert.Equal(calculated, figures);
    }

    [Fact]
    public void Only_the_rollups_exact_category_names_have_a_bit()
    {
        Assert.Equal(1 << 3, KpiSiteBasis.Bit("Other"));
        Assert.Equal(0, KpiSiteBasis.Bit("3"));
        Assert.Equal(0, KpiSiteBasis.Bit("other"));
    }
}
