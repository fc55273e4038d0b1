using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Policy;

namespace CitySort.Tests.Compliance;

public sealed class CoverageCalculatorTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    private static SiteCoverageInput Site(
        string code, SiteType type, string district, string? street, int households, int staff, bool binsInPlace, bool collectedSorted) =>
        new(new SiteFacts(code, type, district, street, households, staff, 6, true, false, false, false, false, collectedSorted, []), binsInPlace);

    /// <summary>
    /// A: Lucheng compound 1000 households, covered. B: Lucheng compound 600 households, bins in place but not
    /// collected sorted. C: development-zone compound (2023 code, under Longwan) 400 households, covered.
    /// J: development-zone compound (2021 code 330371) 200 households, bins missing.
    /// D: Ouhai institution 300 staff, covered. E: Ouhai institution 100 staff, bins missing.
    /// F: Dongtou school 80 staff, covered. G: Lucheng public place, covered. H: Lucheng public place, not collected sorted.
    /// Y: Yongjia compound (out of scope), covered.
    /// </summary>
    private static readonly SiteCoverageInput[] City =
    [
        Site("A", SiteType.ResidentialCompound, "330302", "330302006", 1000, 0, true, true),
        Site("B", SiteType.ResidentialCompound, "330302", "330302023", 600, 0, true, false),
        Site("C", SiteType.ResidentialCompound, "330303", "330303012", 400, 0, true, true),
        Site("J", SiteType.ResidentialCompound, "330371", "330371008", 200, 0, false, true),
        Site("D", SiteType.InstitutionOrEnterprise, "330304", "330304001", 0, 300, true, true),
        Site("E", SiteType.InstitutionOrEnterprise, "330304", "330304002", 0, 100, false, true),
        Site("F", SiteType.SchoolOrKindergarten, "330305", "330305001", 0, 80, true, true),
        Site("G", SiteType.PublicPlace, "330302", "330302006", 0, 0, true, true),
        Site("H", SiteType.PublicPlace, "330302", "330302006", 0, 0, true, false),
        Site("Y", SiteType.ResidentialCompound, "330324", "330324001", 5000, 0, true, true),
    ];

    private static readonly CoverageReport Report = CoverageCalculator.Compute(Profile, City);

    private static CoverageFigure Urban(SiteType type) => Report.BySiteType.Single(f => f.SiteType == type);

    [Fact]
    public void Compounds_are_weighted_by_households_and_compared_with_45_percent()
    {
        var f = Urban(SiteType.ResidentialCompound);

        // covered A 1000 + C 400 = 1400; whole A 1000 + B 600 + C 400 + J 200 = 2200; 1400 / 2200 = 0.6363…
        Assert.Equal((CoverageWeighting.Households, 1400m, 2200m, 4, 2), (f.Weighting, f.Numerator, f.Denominator, f.SiteCount, f.CoveredSiteCount));
        Assert.Equal(0.6364m, Math.Round(f.Share!.Value, 4));
        Assert.Equal(("W96-T1.compounds", "W96-T1", 0.45m, new DateOnly(2015, 12, 31), true), (f.TargetId, f.TargetClause, f.TargetShare, f.TargetDue, f.Met));
    }

    [Fact]
    public void Institutions_are_weighted_by_staff_and_must_be_essentially_all_covered()
    {
        var f = Urban(SiteType.InstitutionOrEnterprise);

        // covered D 300; whole D 300 + E 100 = 400; 300 / 400 = 0.75 < 0.95 (essentiallyAllThreshold)
        Assert.Equal((CoverageWeighting.Staff, 300m, 400m, 0.75m), (f.Weighting, f.Numerator, f.Denominator, f.Share));
        Assert.Equal(("W96-T1.institutions", 0.95m, false), (f.TargetId, f.TargetShare, f.Met));
    }

    [Fact]
    public void A_fully_covered_school_set_meets_the_essentially_all_target()
    {
        var f = Urban(SiteType.SchoolOrKindergarten);

        Assert.Equal((80m, 80m, 1m, true), (f.Numerator, f.Denominator, f.Share, f.Met)); // 80 / 80
    }

    [Fact]
    public void Public_places_count_sites_and_have_no_W96_T1_part_of_their_own()
    {
        var f = Urban(SiteType.PublicPlace);

        // G covered, H not collected sorted: 1 / 2
        Assert.Equal((CoverageWeighting.SiteCount, 1m, 2m, 0.5m), (f.Weighting, f.Numerator, f.Denominator, f.Share));
        Assert.Null(f.TargetId);
        Assert.Null(f.Met);
    }

    [Fact]
    public void Overall_urban_coverage_counts_sites_and_is_compared_with_50_percent()
    {
        var f = Report.Overall;

        // in scope: A B C J D E F G H = 9 sites; covered A C D F G = 5; 5 / 9 = 0.5555… ≥ 0.5
        Assert.Equal((CoverageScopeKind.Urban, CoverageWeighting.SiteCount, 5m, 9m), (f.ScopeKind, f.Weighting, f.Numerator, f.Denominator));
        Assert.Equal(("W96-T1.overall", 0.5m, true), (f.TargetId, f.TargetShare, f.Met));
    }

    [Fact]
    public void Sites_outside_the_urban_area_are_left_out_and_listed()
    {
        Assert.Equal(["Y"], Report.OutOfScopeSiteCodes);
        Assert.DoesNotContain(Report.ByDistrict, f => f.ScopeCode == "330324");
    }

    [Fact]
    public void A_site_with_bins_in_place_but_not_collected_sorted_is_not_covered()
    {
        var lucheng = Report.ByDistrictAndSiteType.Single(f => f.ScopeCode == "330302" && f.SiteType == SiteType.ResidentialCompound);

        Assert.Equal((1000m, 1600m, 1), (lucheng.Numerator, lucheng.Denominator, lucheng.CoveredSiteCount)); // A covered; B (600) not
    }

    [Fact]
    public void Each_district_gets_an_all_types_figure_by_its_registry_code()
    {
        var lucheng = Report.ByDistrict.Single(f => f.ScopeCode == "330302");

        // A B G H in Lucheng; A and G covered: 2 / 4
        Assert.Equal((2m, 4m, 0.5m, true), (lucheng.Numerator, lucheng.Denominator, lucheng.Share, lucheng.Met));
        Assert.Equal("鹿城区", lucheng.ScopeName!.Zh);
        Assert.Equal(["330302", "330303", "330304", "330305", "330371"], Report.ByDistrict.Select(f => f.ScopeCode));
    }

    [Fact]
    public void The_development_zone_gathers_its_sites_from_both_code_vintages()
    {
        var zone = Report.ByAreaAndSiteType.Single(f => f.ScopeCode == "development-zone" && f.SiteType == SiteType.ResidentialCompound);

        // C (330303012, 400, covered) and J (330371008, 200, not): 400 / 600
        Assert.Equal((2, 400m, 600m), (zone.SiteCount, zone.Numerator, zone.Denominator));
        Assert.Equal("经开区", Report.ByArea.Single().ScopeName!.Zh);
    }

    [Fact]
    public void Overall_coverage_can_be_the_mean_of_the_site_types()
    {
        var profile = TestProfiles.Valid(p => TestProfiles.At(p, "settings.coverageWeighting.value")["overall"] = "siteTypeMean");

        var f = CoverageCalculator.Compute(profile, City).Overall;

        // compounds 1400/2200 = 7/11, institutions 0.75, schools 1, public places 0.5: sum 2.25 + 7/11 over 4 types
        Assert.Equal(CoverageWeighting.SiteTypeMean, f.Weighting);
        Assert.Equal(4m, f.Denominator);
        Assert.Equal(Math.Round((2.25m + (7m / 11m)) / 4m, 6), Math.Round(f.Share!.Value, 6));
    }

    [Fact]
    public void Coverage_can_be_counted_on_bins_alone_when_the_profile_says_so()
    {
        var profile = TestProfiles.Valid(p => TestProfiles.At(p, "settings.covered.value")["collectedSorted"] = false);

        var f = CoverageCalculator.Compute(profile, City).BySiteType.Single(x => x.SiteType == SiteType.ResidentialCompound);

        Assert.Equal(2000m, f.Numerator); // A 1000 + B 600 + C 400 have bins; J does not
    }

    [Fact]
    public void An_empty_scope_has_no_share_and_no_verdict()
    {
        var report = CoverageCalculator.Compute(Profile, Array.Empty<SiteCoverageInput>());

        Assert.Equal((0m, null, null), (report.Overall.Denominator, report.Overall.Share, report.Overall.Met));
    }

    [Fact]
    public void Coverage_from_site_facts_checks_the_bins_first()
    {
        var good = new SiteFacts("K1", SiteType.PublicPlace, "330302", "330302006", 0, 0, 0, false, false, false, false, false, true,
            [new BinFacts(WasteCategory.Recyclable, null, BinPlacement.Site, 1, 120, false), new BinFacts(WasteCategory.Other, null, BinPlacement.Site, 1, 120, false)]);
        var bare = good with { SiteCode = "K2", Bins = [] };

        var f = CoverageCalculator.Compute(Profile, new[] { good, bare }).Overall;

        Assert.Equal((1m, 2m), (f.Numerator, f.Denominator));
    }

    [Fact]
    public void Each_urban_district_is_checked_for_one_or_two_managed_pilot_compounds()
    {
        SiteCoverageInput Pilot(string code, string district, bool managed) =>
            new(new SiteFacts(code, SiteType.ResidentialCompound, district, null, 300, 0, 6, managed, false, true, false, false, true, []), true);
        var sites = new[]
        {
            Pilot("P1", "330302", true),
            Pilot("P2", "330303", true), Pilot("P3", "330303", true), Pilot("P4", "330303", true),
            Pilot("P5", "330304", false),
        };

        var checks = CoverageCalculator.Compute(Profile, sites).WetDryPilots.ToDictionary(c => c.DistrictCode);

        Assert.True(checks["330302"].IsMet); // 1 managed pilot
        Assert.False(checks["330303"].IsMet); // 3 > 2
        Assert.Equal(["P5"], checks["330304"].WithoutPropertyManagement);
        Assert.False(checks["330304"].IsMet);
        Assert.False(checks["330305"].IsMet); // none
    }
}
