using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Registry;

/// <summary>Site filtering and paging of <c>GET /api/sites</c>, over a hand-made list of sites.</summary>
public sealed class SiteQueryServiceTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    private static readonly IReadOnlyList<IndexedSite> Sites =
    [
        IndexedSites.Of(Profile, "A-1", "330302", "330302001", compliant: true, name: "松台小区", address: "松台街 1 号"),
        IndexedSites.Of(Profile, "A-2", "330302", "330302001", compliant: false, name: "五马小区", type: SiteType.SchoolOrKindergarten),
        IndexedSites.Of(Profile, "B-1", "330303", "330303012", compliant: false, name: "海城小区"),
        IndexedSites.Of(Profile, "C-1", "330371", "330371005", compliant: true, name: "海城中学", address: "松台路", type: SiteType.SchoolOrKindergarten),
    ];

    [Fact]
    public void An_area_id_as_district_selects_the_sites_of_its_streets_under_either_code()
    {
        var found = new SiteFilter(District: "development-zone").Apply(Sites, Profile).Select(s => s.Site.Code);

        // B-1 on 330303012 (2023 code of Haicheng) and C-1 on 330371005 (its 2021 code).
        Assert.Equal(["B-1", "C-1"], found);
    }

    [Fact]
    public void Every_part_of_a_filter_must_hold()
    {
        var found = new SiteFilter(Type: SiteType.SchoolOrKindergarten, Compliant: true, Text: " 松台 ").Apply(Sites, Profile).Select(s => s.Site.Code);

        // Schools: A-2, C-1; compliant: C-1; "松台" in C-1's address.
        Assert.Equal(["C-1"], found);
    }

    [Fact]
    public void The_text_matches_name_address_or_code_without_regard_to_case()
    {
        var found = new SiteFilter(Text: "a-").Apply(Sites, Profile).Select(s => s.Site.Code);

        Assert.Equal(["A-1", "A-2"], found);
    }

    [Theory]
    [InlineData("schoolorkindergarten", true)]
    [InlineData("", true)]
    [InlineData("0", false)]
    [InlineData("Hospital", false)]
    public void A_site_type_is_read_by_name_only(string text, bool valid)
    {
        var ok = SiteFilter.TryParseType(text, out var type, out var problem);

        Assert.Equal(valid, ok);
        Assert.Equal(valid, problem is null);
        Assert.Equal(text == "schoolorkindergarten" ? SiteType.SchoolOrKindergarten : null, type);
        if (problem is not null)
        {
            Assert.Contains("不是点位类型", problem.Zh, StringComparison.Ordinal);
            Assert.Contains("is not a site type", problem.En, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(1, 500, false)]
    [InlineData(0, 50, true)]
    [InlineData(1, 0, true)]
    [InlineData(1, 501, true)]
    public void Pages_from_1_of_1_to_500_sites_are_served(int page, int pageSize, bool refused) =>
        Assert.Equal(refused, SiteQueryService.PagingProblem(page, pageSize) is not null);
}
