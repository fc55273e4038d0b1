using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Policy;
using static CitySort.Tests.Compliance.Sites;

namespace CitySort.Tests.Compliance;

public sealed class BinRuleEvaluatorTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    private static SiteFacts Compound(int floors, params BinFacts[] bins) => Of(SiteType.ResidentialCompound, floors, bins);

    private static readonly BinFacts[] CompoundBase =
    [
        Bin(WasteCategory.Recyclable, BinPlacement.Site, 2),
        Bin(WasteCategory.Other, BinPlacement.Site, 2),
        Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1),
    ];

    // W96-B1 residential compounds

    [Fact]
    public void A_low_rise_compound_with_site_bins_and_a_public_hazardous_bin_complies()
    {
        var result = BinRuleEvaluator.Evaluate(Profile, Compound(6, CompoundBase)); // 6 floors < 10: no per-floor bins

        Assert.True(result.IsCompliant);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void A_high_rise_compound_needs_recyclable_and_other_bins_on_every_floor()
    {
        // 18 floors ≥ 10 (highRiseMinFloors): 18 × 1 (binsPerFloor) = 18 per category; 12 recyclable, 18 other present.
        var site = Compound(18, [.. CompoundBase, Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, 12), Bin(WasteCategory.Other, BinPlacement.EveryFloor, 18)]);

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B1", WasteCategory.Recyclable, BinPlacement.EveryFloor, 18, 12), (gap.Clause, gap.Category, gap.Placement, gap.RequiredCount, gap.PresentCount));
        Assert.Equal("每层须设可回收物桶：需 18 个，现有 12 个 (W96-B1)", gap.MessageZh);
        Assert.Equal("Recyclables bins required on every floor: 18 needed, 12 present (W96-B1)", gap.MessageEn);
    }

    [Fact]
    public void A_compound_of_exactly_the_high_rise_threshold_needs_floor_bins()
    {
        // 10 floors = threshold: 10 × 1 = 10 per category, none present → two gaps.
        var result = BinRuleEvaluator.Evaluate(Profile, Compound(10, CompoundBase));

        Assert.Equal([(WasteCategory.Recyclable, 10, 0), (WasteCategory.Other, 10, 0)], result.Gaps.Select(g => (g.Category!.Value, g.RequiredCount, g.PresentCount)));
    }

    [Fact]
    public void A_compound_one_floor_below_the_threshold_needs_no_floor_bins()
    {
        Assert.True(BinRuleEvaluator.Evaluate(Profile, Compound(9, CompoundBase)).IsCompliant);
    }

    [Fact]
    public void A_compound_without_a_hazardous_bin_in_a_public_area_has_a_gap_even_with_one_elsewhere()
    {
        var site = Compound(6, Bin(WasteCategory.Recyclable, BinPlacement.Site, 2), Bin(WasteCategory.Other, BinPlacement.Site, 2), Bin(WasteCategory.Hazardous, BinPlacement.Site, 1));

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B1", WasteCategory.Hazardous, BinPlacement.PublicArea, 1, 0), (gap.Clause, gap.Category, gap.Placement, gap.RequiredCount, gap.PresentCount));
        Assert.Equal("公共区域须设有害垃圾桶：需 1 个，现有 0 个 (W96-B1)", gap.MessageZh);
    }

    [Fact]
    public void A_compound_missing_its_site_bins_has_a_gap_per_category()
    {
        var site = Compound(6, Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1));

        var gaps = BinRuleEvaluator.Evaluate(Profile, site).Gaps;

        Assert.Equal([WasteCategory.Recyclable, WasteCategory.Other], gaps.Select(g => g.Category!.Value));
        Assert.Equal("须设可回收物桶：需 1 个，现有 0 个 (W96-B1)", gaps[0].MessageZh);
    }

    [Fact]
    public void A_wet_dry_pilot_compound_needs_a_kitchen_waste_bin()
    {
        var site = Compound(6, CompoundBase) with { IsWetDryPilot = true, HasPropertyManagement = true };

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal((WasteCategory.Kitchen, BinPlacement.Site, 1, 0), (gap.Category!.Value, gap.Placement, gap.RequiredCount, gap.PresentCount));
    }

    [Fact]
    public void A_compound_outside_the_pilot_needs_no_kitchen_waste_bin()
    {
        Assert.DoesNotContain(BinRuleEvaluator.Evaluate(Profile, Compound(6, CompoundBase)).Gaps, g => g.Category == WasteCategory.Kitchen);
    }

    // W96-B2 agencies, public institutions and enterprises

    [Fact]
    public void An_institution_needs_recyclable_and_other_bins_on_every_floor()
    {
        // 5 floors × 1 = 5 per category; 5 recyclable, 4 other present → other short by 1.
        var site = Of(SiteType.InstitutionOrEnterprise, 5,
            Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, 5), Bin(WasteCategory.Other, BinPlacement.EveryFloor, 4), Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1));

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B2", WasteCategory.Other, 5, 4, 1), (gap.Clause, gap.Category!.Value, gap.RequiredCount, gap.PresentCount, gap.MissingCount));
    }

    [Fact]
    public void An_institution_with_a_canteen_needs_a_catering_waste_bin_there()
    {
        var site = Of(SiteType.InstitutionOrEnterprise, 1,
            Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, 1), Bin(WasteCategory.Other, BinPlacement.EveryFloor, 1), Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1)) with
        { HasCanteen = true };

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B2", SpecialStream.Catering, BinPlacement.Canteen, 1, 0), (gap.Clause, gap.Stream!.Value, gap.Placement, gap.RequiredCount, gap.PresentCount));
        Assert.Equal("食堂须设餐饮垃圾桶：需 1 个，现有 0 个 (W96-B2)", gap.MessageZh);
    }

    [Fact]
    public void An_institution_with_its_canteen_bin_complies()
    {
        var site = Of(SiteType.InstitutionOrEnterprise, 1,
            Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, 1), Bin(WasteCategory.Other, BinPlacement.EveryFloor, 1),
            Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1), Bin(SpecialStream.Catering, BinPlacement.Canteen, 2)) with
        { HasCanteen = true };

        Assert.True(BinRuleEvaluator.Evaluate(Profile, site).IsCompliant);
    }

    [Fact]
    public void A_site_of_unknown_floors_counts_as_one_floor()
    {
        // floors 0 → max(0, 1) × 1 = 1 per category.
        var site = Of(SiteType.InstitutionOrEnterprise, 0, Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1));

        Assert.Equal([1, 1], BinRuleEvaluator.Evaluate(Profile, site).Gaps.Select(g => g.RequiredCount));
    }

    // W96-B3 schools and kindergartens

    private static BinFacts[] SchoolFloors(int perCategory) =>
    [
        Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, perCategory),
        Bin(WasteCategory.Other, BinPlacement.EveryFloor, perCategory),
        Bin(WasteCategory.Kitchen, BinPlacement.EveryFloor, perCategory),
    ];

    [Theory]
    [InlineData(BinPlacement.BuildingEntrance)]
    [InlineData(BinPlacement.PublicArea)]
    public void A_school_with_three_bins_per_floor_and_a_hazardous_bin_at_the_entrance_or_a_public_area_complies(BinPlacement hazardousAt)
    {
        var site = Of(SiteType.SchoolOrKindergarten, 4, [.. SchoolFloors(4), Bin(WasteCategory.Hazardous, hazardousAt, 1)]);

        Assert.True(BinRuleEvaluator.Evaluate(Profile, site).IsCompliant);
    }

    [Fact]
    public void A_school_needs_kitchen_waste_bins_on_every_floor()
    {
        // 4 floors × 1 = 4 kitchen bins needed, 2 present.
        var site = Of(SiteType.SchoolOrKindergarten, 4,
            Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, 4), Bin(WasteCategory.Other, BinPlacement.EveryFloor, 4),
            Bin(WasteCategory.Kitchen, BinPlacement.EveryFloor, 2), Bin(WasteCategory.Hazardous, BinPlacement.BuildingEntrance, 1));

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B3", WasteCategory.Kitchen, 4, 2), (gap.Clause, gap.Category!.Value, gap.RequiredCount, gap.PresentCount));
    }

    [Fact]
    public void A_school_hazardous_bin_at_the_gate_of_the_site_does_not_count()
    {
        var site = Of(SiteType.SchoolOrKindergarten, 4, [.. SchoolFloors(4), Bin(WasteCategory.Hazardous, BinPlacement.Site, 1)]);

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal([BinPlacement.BuildingEntrance, BinPlacement.PublicArea], gap.AcceptedPlacements);
        Assert.Equal("教学楼入口或公共区域须设有害垃圾桶：需 1 个，现有 0 个 (W96-B3)", gap.MessageZh);
        Assert.Equal("Hazardous waste bins required at the teaching building's entrance or in a public area: 1 needed, 0 present (W96-B3)", gap.MessageEn);
    }

    [Fact]
    public void A_school_canteen_needs_a_catering_waste_bin()
    {
        var site = Of(SiteType.SchoolOrKindergarten, 1, [.. SchoolFloors(1), Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1)]) with { HasCanteen = true };

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B3", SpecialStream.Catering), (gap.Clause, gap.Stream!.Value));
    }

    // W96-B4 public places

    [Fact]
    public void A_public_place_with_recyclable_and_other_bins_complies()
    {
        var site = Of(SiteType.PublicPlace, 0, Bin(WasteCategory.Recyclable, BinPlacement.Site, 1), Bin(WasteCategory.Other, BinPlacement.Site, 1));

        Assert.True(BinRuleEvaluator.Evaluate(Profile, site).IsCompliant);
    }

    [Fact]
    public void A_public_place_on_a_main_road_needs_every_bin_bagged()
    {
        // Recyclable: 2 bagged + 1 unbagged = 3 bins, all 3 must be bagged, 2 are. Other: 2 of 2 bagged.
        var site = Of(SiteType.PublicPlace, 0,
            Bin(WasteCategory.Recyclable, BinPlacement.Site, 2, bagged: true), Bin(WasteCategory.Recyclable, BinPlacement.Site, 1),
            Bin(WasteCategory.Other, BinPlacement.Site, 2, bagged: true)) with
        { IsBaggedZone = true };

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal((BinGapKind.NotBagged, WasteCategory.Recyclable, 3, 2), (gap.Kind, gap.Category!.Value, gap.RequiredCount, gap.PresentCount));
        Assert.Equal("可回收物桶须袋装化管理：需套袋 3 个，现有 2 个 (W96-B4)", gap.MessageZh);
    }

    [Fact]
    public void Unbagged_bins_away_from_bagged_zones_comply()
    {
        var site = Of(SiteType.PublicPlace, 0, Bin(WasteCategory.Recyclable, BinPlacement.Site, 3), Bin(WasteCategory.Other, BinPlacement.Site, 3));

        Assert.True(BinRuleEvaluator.Evaluate(Profile, site).IsCompliant);
    }

    [Fact]
    public void A_public_place_with_much_kitchen_waste_needs_a_kitchen_waste_bin()
    {
        var site = Of(SiteType.PublicPlace, 0, Bin(WasteCategory.Recyclable, BinPlacement.Site, 1), Bin(WasteCategory.Other, BinPlacement.Site, 1)) with { IsKitchenWasteHeavy = true };

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(Profile, site).Gaps);

        Assert.Equal(("W96-B4", WasteCategory.Kitchen, 1, 0), (gap.Clause, gap.Category!.Value, gap.RequiredCount, gap.PresentCount));
    }

    // The rules read the profile, not constants

    [Fact]
    public void Bins_per_floor_come_from_the_profile_setting()
    {
        var profile = TestProfiles.Valid(p => TestProfiles.At(p, "settings.binsPerFloor")["value"] = 2);
        var site = Of(SiteType.InstitutionOrEnterprise, 3,
            Bin(WasteCategory.Recyclable, BinPlacement.EveryFloor, 6), Bin(WasteCategory.Other, BinPlacement.EveryFloor, 3), Bin(WasteCategory.Hazardous, BinPlacement.PublicArea, 1));

        var gap = Assert.Single(BinRuleEvaluator.Evaluate(profile, site).Gaps);

        Assert.Equal((WasteCategory.Other, 6, 3), (gap.Category!.Value, gap.RequiredCount, gap.PresentCount)); // 3 floors × 2 = 6
    }

    [Fact]
    public void The_high_rise_threshold_comes_from_the_profile_setting()
    {
        var profile = TestProfiles.Valid(p => TestProfiles.At(p, "settings.highRiseMinFloors")["value"] = 20);

        Assert.True(BinRuleEvaluator.Evaluate(profile, Compound(18, CompoundBase)).IsCompliant); // 18 < 20
    }

    [Fact]
    public void Impossible_facts_are_refused_as_a_defect()
    {
        var site = Compound(6, Bin(WasteCategory.Recyclable, BinPlacement.Site, -1));

        Assert.Throws<ArgumentException>(() => BinRuleEvaluator.Evaluate(Profile, site));
    }
}
