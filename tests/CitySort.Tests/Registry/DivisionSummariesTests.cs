using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Registry;

/// <summary>The division counts of <c>GET /api/districts</c>, worked by hand over a small registry.</summary>
public sealed class DivisionSummariesTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    // Longwan (330303) holds Haicheng under its 2023 code; the zone's own code 330371 holds Haicheng again (2021 code
    // 330371005) and Shacheng (330371008). Yongzhong (330303001) is a Longwan street outside the zone.
    private static readonly DivisionRecords Records = new(
        [new RegisteredDistrict("330303", "龙湾区", null, false), new RegisteredDistrict("330371", "温州经济技术开发区", null, false)],
        [
            new RegisteredStreet("330303001", "永中街道", "330303", false),
            new RegisteredStreet("330303012", "海城街道", "330303", false),
            new RegisteredStreet("330371005", "海城街道", "330371", false),
            new RegisteredStreet("330371008", "沙城街道", "330371", true),
        ],
        new Dictionary<string, int>(StringComparer.Ordinal) { ["330303001"] = 4, ["330303012"] = 2, ["330371005"] = 3 });

    private static readonly IReadOnlyList<IndexedSite> Sites =
    [
        IndexedSites.Of(Profile, "S1", "330303", "330303001", compliant: true),
        IndexedSites.Of(Profile, "S2", "330303", "330303012", compliant: false, illustrative: true),
        IndexedSites.Of(Profile, "S3", "330371", "330371008", compliant: true),
    ];

    [Fact]
    public void A_street_registered_under_both_vintages_of_its_code_counts_once_in_its_area()
    {
        var zone = DivisionSummaries.Districts(Profile, Records, Sites, all: false).Single(d => d.Code == "development-zone");

        // Haicheng under 330303012 and 330371005 is one street, Shacheng one more: 2 streets, not 3.
        Assert.Equal(2, zone.StreetCount);
        // Every registered vintage is listed, by code: 330303012, 330371005, 330371008.
        Assert.Equal(["330303012", "330371005", "330371008"], zone.Streets.Select(s => s.Code));
        // Communities 2 (330303012) + 3 (330371005) + 0 (330371008) = 5; sites S2 and S3, S3 compliant, S2 illustrative.
        Assert.Equal((5, 2, 1, 1), (zone.CommunityCount, zone.SiteCount, zone.CompliantSiteCount, zone.IllustrativeSiteCount));
        Assert.Equal("Area", zone.Kind);
    }

    [Fact]
    public void A_district_counts_the_streets_registered_under_its_code_zone_streets_included()
    {
        var longwan = DivisionSummaries.Districts(Profile, Records, Sites, all: false).Single(d => d.Code == "330303");

        // 330303001 and 330303012 are registered under 330303: 2 streets, 4 + 2 = 6 communities, sites S1 and S2.
        Assert.Equal((2, 6, 2, 1), (longwan.StreetCount, longwan.CommunityCount, longwan.SiteCount, longwan.CompliantSiteCount));
        Assert.Equal("Longwan", longwan.NameEn);
        Assert.Empty(longwan.Streets);
    }

    [Fact]
    public void The_urban_districts_come_in_the_profiles_order_then_the_areas_and_all_adds_the_other_divisions()
    {
        var urban = DivisionSummaries.Districts(Profile, Records, Sites, all: false).Select(d => d.Code).ToList();
        var every = DivisionSummaries.Districts(Profile, Records, Sites, all: true).Select(d => d.Code).ToList();

        // W96 scope: Lucheng, Longwan, Ouhai, Dongtou, then the development zone.
        Assert.Equal(["330302", "330303", "330304", "330305", "development-zone"], urban);
        // all=true adds 330371, registered but outside the urban districts, before the areas.
        Assert.Equal(["330302", "330303", "330304", "330305", "330371", "development-zone"], every);
    }

    [Fact]
    public void The_streets_of_an_area_are_those_it_contains_and_an_unknown_code_has_none()
    {
        var zone = DivisionSummaries.Streets(Profile, Records, Sites, "development-zone");
        var unknown = DivisionSummaries.Streets(Profile, Records, Sites, "339999");
        var lucheng = DivisionSummaries.Streets(Profile, Records, Sites, "330302");

        Assert.NotNull(zone);
        var shacheng = zone.Single(s => s.Code == "330371008");
        Assert.Equal(("Shacheng", 1, 0, true), (shacheng.NameEn, shacheng.SiteCount, shacheng.CommunityCount, shacheng.IsIllustrative));
        Assert.Equal(["development-zone"], shacheng.AreaIds);
        Assert.Null(unknown);
        // Lucheng is a district of the profile without registered streets yet: an empty list, not unknown.
        Assert.NotNull(lucheng);
        Assert.Empty(lucheng);
    }
}
