using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// The JSON API through the real HTTP pipeline, on the hand-made registry of <see cref="ServerFixture"/>. Run once on
/// SQLite and once on PostgreSQL.
/// </summary>
/// <remarks>
/// The four test sites and their bin-rule results (profile wenzhou-2015):
/// T-R1 compound, 6 floors, C1+C3 at the site and C2 in a public area: compliant (W96-B1).
/// T-R2 compound, 18 floors (high-rise from 10): needs C1 and C3 on each of 18 floors; has 10 C1 and 18 C3 there:
/// one gap, C1 every floor 10 of 18 (W96-B1).
/// T-S1 school in 海城 (development zone), 4 floors, C1+C3+C4 on every floor, C2 at the entrance: compliant (W96-B3).
/// T-P1 public place in a bagged zone, C1 and C3 not bagged: two gaps (W96-B4).
/// </remarks>
public abstract class ApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ServerFixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Client => fixture.Server.Client;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.IsSuccessStatusCode, path + " answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
    }

    private static JsonElement District(JsonElement list, string code) =>
        list.EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);

    private static string[] Codes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task Districts_lists_the_four_urban_districts_then_the_development_zone()
    {
        var list = await GetJsonAsync("api/districts");

        Assert.Equal(
            ["330302", "330303", "330304", "330305", "development-zone"],
            list.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.Equal("Area", District(list, "development-zone").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Districts_count_streets_and_sites_of_the_registry()
    {
        var list = await GetJsonAsync("api/districts");

        // Lucheng: streets 330302006 and 330302023, sites T-R1 and T-R2 of which T-R1 is compliant.
        var lucheng = District(list, "330302");
        Assert.True(lucheng.GetProperty("streetCount").GetInt32() >= 2);
        Assert.Equal(2, lucheng.GetProperty("siteCount").GetInt32());
        Assert.Equal(1, lucheng.GetProperty("compliantSiteCount").GetInt32());
    }

    [Fact]
    public async Task The_development_zone_holds_its_streets_and_their_sites()
    {
        var zone = District(await GetJsonAsync("api/districts"), "development-zone");

        Assert.Contains("330303012", zone.GetProperty("streets").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(1, zone.GetProperty("siteCount").GetInt32()); // T-S1 in 海城街道
    }

    [Fact]
    public async Task Importing_the_real_street_file_gives_the_real_street_counts()
    {
        var shared = Requires.SharedData();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(shared, "divisions", "wenzhou_streets.csv"), Cancel);

        using var response = await ServerFixture.PostFileAsync(Client, "divisions", "wenzhou_streets.csv", bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await GetJsonAsync("api/districts");

        // The counts of the street file (shared/data/divisions/README.md): Longwan's 10 include the zone's 4 streets.
        Assert.Equal(14, District(list, "330302").GetProperty("streetCount").GetInt32());
        Assert.Equal(10, District(list, "330303").GetProperty("streetCount").GetInt32());
        Assert.Equal(13, District(list, "330304").GetProperty("streetCount").GetInt32());
        Assert.Equal(8, District(list, "330305").GetProperty("streetCount").GetInt32());
        Assert.Equal(4, District(list, "development-zone").GetProperty("streetCount").GetInt32());
    }

    [Fact]
    public async Task A_bad_division_file_is_rejected_with_422_listing_each_problem_and_nothing_written()
    {
        var before = await GetJsonAsync("api/districts?all=true");
        // Line 2 adds a new street (would be written if the file were accepted); line 3 has an empty name.
        var csv = "code,name,district_code,district_name,city_code,province_code\n330302901,新街道,330302,鹿城区,3303,33\n330302902,,330302,鹿城区,3303,33\n"u8.ToArray();

        using var response = await ServerFixture.PostFileAsync(Client, "divisions", "bad_streets.csv", csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        var first = problem.GetProperty("problems")[0];
        Assert.Equal("bad_streets.csv", first.GetProperty("file").GetString());
        Assert.Equal(3, first.GetProperty("line").GetInt32());
        Assert.StartsWith("bad_streets.csv:3:", first.GetProperty("location").GetString(), StringComparison.Ordinal);
        var after = await GetJsonAsync("api/districts?all=true");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Boundaries_need_a_stated_datum()
    {
        using var response = await ServerFixture.PostFileAsync(Client, "boundaries", "b.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("datum", (await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_filter_by_district_code()
    {
        Assert.Equal(["T-R1", "T-R2"], Codes(await GetJsonAsync("api/sites?district=330302")));
    }

    [Fact]
    public async Task Sites_filter_by_profile_area()
    {
        Assert.Equal(["T-S1"], Codes(await GetJsonAsync("api/sites?district=development-zone")));
    }

    [Fact]
    public async Task Sites_filter_by_street_type_compliance_and_search_text()
    {
        Assert.Equal(["T-R2"], Codes(await GetJsonAsync("api/sites?street=330302023")));
        Assert.Equal(["T-P1"], Codes(await GetJsonAsync("api/sites?type=PublicPlace")));
        Assert.Equal(["T-P1", "T-R2"], Codes(await GetJsonAsync("api/sites?compliant=false")));
        Assert.Equal(["T-S1"], Codes(await GetJsonAsync("api/sites?q=" + Uri.EscapeDataString("小学"))));
    }

    [Fact]
    public async Task Sites_page_in_code_order()
    {
        var page = await GetJsonAsync("api/sites?page=2&pageSize=1");

        // Codes in order: T-P1, T-R1, T-R2, T-S1; page 2 of size 1 is T-R1.
        Assert.Equal(["T-R1"], Codes(page));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_site_type_is_a_400_problem_naming_the_valid_types()
    {
        using var response = await Client.GetAsync(new Uri("api/sites?type=Market", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        Assert.Contains("ResidentialCompound", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_lists_its_gaps_with_clause_and_counts()
    {
        var site = await GetJsonAsync("api/sites/T-R2");

        var gap = Assert.Single(site.GetProperty("gaps").EnumerateArray());
        Assert.Equal("W96-B1", gap.GetProperty("clause").GetString());
        Assert.Equal("Recyclable", gap.GetProperty("category").GetString());
        Assert.Equal("EveryFloor", gap.GetProperty("placement").GetString());
        Assert.Equal(18, gap.GetProperty("requiredCount").GetInt32()); // 18 floors x 1 bin per floor
        Assert.Equal(10, gap.GetProperty("presentCount").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(gap.GetProperty("messageZh").GetString()));
        Assert.False(site.GetProperty("compliant").GetBoolean());
    }

    [Fact]
    public async Task A_public_place_in_a_bagged_zone_with_unbagged_bins_has_two_W96_B4_gaps()
    {
        var site = await GetJsonAsync("api/sites/T-P1");

        var gaps = site.GetProperty("gaps").EnumerateArray().ToArray();
        Assert.Equal(2, gaps.Length);
        Assert.All(gaps, g => Assert.Equal("NotBagged", g.GetProperty("kind").GetString()));
        Assert.All(gaps, g => Assert.Equal("W96-B4", g.GetProperty("clause").GetString()));
    }

    [Fact]
    public async Task An_unknown_site_is_a_404_problem()
    {
        using var response = await Client.GetAsync(new Uri("api/sites/NOPE", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Coverage_counts_covered_sites_against_W96_T1()
    {
        var report = await GetJsonAsync("api/coverage");

        // Covered = bins in place and collected sorted: T-R1 and T-S1 of 4 sites -> 2 / 4 = 0.5 (overall by site count).
        var overall = report.GetProperty("overall");
        Assert.Equal(0.5m, overall.GetProperty("share").GetDecimal());
        Assert.Equal(0.5m, overall.GetProperty("targetShare").GetDecimal());
        // Compounds by households: T-R1 400 covered of 400 + 600 -> 0.4, below the 45 % target.
        var compounds = report.GetProperty("bySiteType").EnumerateArray().Single(f => f.GetProperty("siteType").GetString() == "ResidentialCompound");
        Assert.Equal(0.4m, compounds.GetProperty("share").GetDecimal());
        Assert.False(compounds.GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Each_coverage_figure_carries_the_weighted_numerator_and_denominator_of_its_share()
    {
        var report = await GetJsonAsync("api/coverage");
        JsonElement ByType(string type) => report.GetProperty("bySiteType").EnumerateArray().Single(f => f.GetProperty("siteType").GetString() == type);

        // W96-T1, setting coverageWeighting: compounds by households. T-R1 (400 households) is covered, T-R2 (600) has
        // a gap: 400 of 400 + 600 = 1000 households, share 400 / 1000 = 0.4; yet 1 of 2 sites, which is not the share.
        var compounds = ByType("ResidentialCompound");
        Assert.Equal(("Households", 400m, 1000m, 0.4m), (compounds.GetProperty("weighting").GetString(), compounds.GetProperty("numerator").GetDecimal(), compounds.GetProperty("denominator").GetDecimal(), compounds.GetProperty("share").GetDecimal()));
        Assert.Equal((1, 2), (compounds.GetProperty("coveredSiteCount").GetInt32(), compounds.GetProperty("siteCount").GetInt32()));
        // Schools by staff: T-S1 (800 staff and pupils) covered -> 800 / 800 = 1.
        var schools = ByType("SchoolOrKindergarten");
        Assert.Equal(("Staff", 800m, 800m), (schools.GetProperty("weighting").GetString(), schools.GetProperty("numerator").GetDecimal(), schools.GetProperty("denominator").GetDecimal()));
        // Overall by site count: 2 covered (T-R1, T-S1) of 4 sites.
        var overall = report.GetProperty("overall");
        Assert.Equal(("SiteCount", 2m, 4m), (overall.GetProperty("weighting").GetString(), overall.GetProperty("numerator").GetDecimal(), overall.GetProperty("denominator").GetDecimal()));
    }

    [Fact]
    public async Task Public_progress_gives_each_district_its_coverage_and_its_part_of_the_targets_with_clause_ids()
    {
        var progress = await GetJsonAsync("api/public/progress");
        JsonElement Scope(string code) => progress.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);
        static JsonElement Target(JsonElement scope, string id) => scope.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);

        // Lucheng holds T-R1 (covered) and T-R2 (a gap): overall by site count 1 / 2 = 0.5, which meets W96-T1's 50 %.
        var lucheng = Scope("330302");
        var coverage = lucheng.GetProperty("coverage");
        Assert.Equal((0.5m, 1, 2, "W96-T1.overall", "W96-T1", 0.5m, true), (coverage.GetProperty("share").GetDecimal(), coverage.GetProperty("coveredSiteCount").GetInt32(), coverage.GetProperty("siteCount").GetInt32(), coverage.GetProperty("targetId").GetString(), coverage.GetProperty("targetClause").GetString(), coverage.GetProperty("targetShare").GetDecimal(), coverage.GetProperty("met").GetBoolean()));
        // Its compounds by households: 400 of 400 + 600 = 0.4, below the 45 % of W96-T1.compounds.
        var compounds = lucheng.GetProperty("coverageBySiteType").EnumerateArray().Single(f => f.GetProperty("siteType").GetString() == "ResidentialCompound");
        Assert.Equal((0.4m, "W96-T1.compounds", false), (compounds.GetProperty("share").GetDecimal(), compounds.GetProperty("targetId").GetString(), compounds.GetProperty("met").GetBoolean()));
        // W96-T2 and W96-T3: Lucheng's part is 6 of the 16 vehicles and 3 of the 8 lines.
        Assert.Equal(("W96-T2", 6), (Target(lucheng, "W96-T2").GetProperty("clause").GetString(), Target(lucheng, "W96-T2").GetProperty("count").GetInt32()));
        Assert.Equal(("W96-T3", 3), (Target(lucheng, "W96-T3").GetProperty("clause").GetString(), Target(lucheng, "W96-T3").GetProperty("count").GetInt32()));
        // The development zone (T-S1 in 海城, covered: 1 / 1) has 2 vehicles and 1 line; the city list has the totals 16 and 8.
        var zone = Scope("development-zone");
        Assert.Equal((1m, 2, 1), (zone.GetProperty("coverage").GetProperty("share").GetDecimal(), Target(zone, "W96-T2").GetProperty("count").GetInt32(), Target(zone, "W96-T3").GetProperty("count").GetInt32()));
        var city = progress.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal((16, 8), (city["W96-T2"].GetProperty("count").GetInt32(), city["W96-T3"].GetProperty("count").GetInt32()));
        // W96-T5 is the city's alone: 1,148,900 t x (1 - 0.03) = 1,114,433 t allowed; no district lists it.
        Assert.Equal(1_114_433m, city["W96-T5"].GetProperty("allowedTonnes").GetDecimal());
        Assert.DoesNotContain(progress.GetProperty("districts").EnumerateArray(), d => d.GetProperty("targets").EnumerateArray().Any(t => t.GetProperty("clause").GetString() == "W96-T5"));
        Assert.Equal(("wenzhou-2015", false), (progress.GetProperty("profileId").GetString(), progress.GetProperty("isIllustrative").GetBoolean()));
    }

    [Fact]
    public async Task Public_progress_names_no_site_vehicle_street_or_address()
    {
        var progress = await GetJsonAsync("api/public/progress");
        var strings = new List<string>();
        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        strings.Add(p.Name);
                        Collect(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var i in e.EnumerateArray())
                    {
                        Collect(i);
                    }

                    break;
                case JsonValueKind.String:
                    strings.Add(e.GetString()!);
                    break;
            }
        }

        Collect(progress);

        // Every name and string value of the answer (decoded, so escaped Chinese is compared too) against the fixture's
        // site codes, names and addresses, its street codes and names, its vehicle plates and hauler codes.
        string[] named = ["T-R1", "T-R2", "T-S1", "T-P1", "五马小区", "七都高层小区", "海城小学", "景山广场", "五马街1号", "330302006", "海城街道", "浙CA1234", "浙CB5678", "SAN-LC"];
        Assert.Contains("龙湾区", strings);
        Assert.All(named, n => Assert.DoesNotContain(strings, s => s.Contains(n, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sites_carry_the_English_names_of_their_district_and_street_where_the_profile_has_them()
    {
        var page = await GetJsonAsync("api/sites?pageSize=10");
        JsonElement Item(string code) => page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

        // The street file names 海城街道 in 龙湾区 in Chinese only; the profile calls them Haicheng and Longwan.
        var school = Item("T-S1");
        Assert.Equal(("龙湾区", "Longwan", "海城街道", "Haicheng"), (school.GetProperty("districtName").GetString(), school.GetProperty("districtNameEn").GetString(), school.GetProperty("streetName").GetString(), school.GetProperty("streetNameEn").GetString()));
        // 五马街道 has no English name in the profile: null, and the page falls back to the Chinese.
        Assert.Equal(JsonValueKind.Null, Item("T-R1").GetProperty("streetNameEn").ValueKind);
        var detail = await GetJsonAsync("api/sites/T-S1");
        Assert.Equal(("Longwan", "Haicheng"), (detail.GetProperty("districtNameEn").GetString(), detail.GetProperty("streetNameEn").GetString()));
    }

    [Fact]
    public async Task Profile_is_the_Wenzhou_2015_default_with_its_categories()
    {
        var profile = await GetJsonAsync("api/profile");

        Assert.Equal("wenzhou-2015", profile.GetProperty("id").GetString());
        Assert.Equal(4, profile.GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task The_profile_source_loads_back_as_a_valid_profile_for_serve_profile()
    {
        using var response = await Client.GetAsync(new Uri("api/profile/source", UriKind.Relative), Cancel);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(Cancel);

        var loaded = CitySort.Policy.ProfileLoader.Load(body, "downloaded.json");

        Assert.Empty(loaded.Errors);
        Assert.Equal("wenzhou-2015", loaded.Profile!.Id);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_kind_is_a_400_problem_naming_the_parameter()
    {
        using var response = await Client.GetAsync(new Uri("api/sites?compliant=maybe", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        Assert.Contains("compliant", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("maybe", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streets_of_a_district_carry_their_community_and_site_counts()
    {
        var streets = await GetJsonAsync("api/districts/330302/streets");

        // test_communities.csv: 五马社区 and 墨池社区 in 五马街道; test_sites.csv: T-R1 there, T-R2 in 七都街道.
        var wuma = streets.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "330302006");
        Assert.Equal(("五马街道", 2, 1), (wuma.GetProperty("name").GetString(), wuma.GetProperty("communityCount").GetInt32(), wuma.GetProperty("siteCount").GetInt32()));
        var qidu = streets.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "330302023");
        Assert.Equal((0, 1), (qidu.GetProperty("communityCount").GetInt32(), qidu.GetProperty("siteCount").GetInt32()));
    }

    [Fact]
    public async Task Communities_of_a_street_are_listed_by_code_with_their_households()
    {
        var communities = (await GetJsonAsync("api/streets/330302006/communities")).EnumerateArray().ToList();

        Assert.Equal(["330302006001", "330302006002"], communities.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(("五马社区", 1200, "330302006"), (communities[0].GetProperty("name").GetString(), communities[0].GetProperty("households").GetInt32(), communities[0].GetProperty("streetCode").GetString()));
        Assert.Equal(800, communities[1].GetProperty("households").GetInt32());
        Assert.All(communities, c => Assert.False(c.GetProperty("isIllustrative").GetBoolean()));
        // 海城社区 has no households column value: unknown, not 0.
        var haicheng = Assert.Single((await GetJsonAsync("api/streets/330303012/communities")).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, haicheng.GetProperty("households").ValueKind);
    }

    [Fact]
    public async Task Districts_and_areas_count_the_communities_of_their_streets()
    {
        var list = await GetJsonAsync("api/districts");

        // Lucheng: 2 communities in 五马街道; Longwan and the development zone: 海城社区 in 海城街道; Ouhai: none.
        Assert.Equal(2, District(list, "330302").GetProperty("communityCount").GetInt32());
        Assert.Equal(1, District(list, "330303").GetProperty("communityCount").GetInt32());
        Assert.Equal(1, District(list, "development-zone").GetProperty("communityCount").GetInt32());
        Assert.Equal(0, District(list, "330304").GetProperty("communityCount").GetInt32());
    }

    [Fact]
    public async Task Boundaries_are_the_imported_polygons_with_their_names_and_datum()
    {
        using var response = await Client.GetAsync(new Uri("api/boundaries", UriKind.Relative), Cancel);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = await response.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["330302", "330303", "330304"], features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        var lucheng = features[0].GetProperty("properties");
        // The name from the file, the English name from the profile, in the urban scope (W96), imported as WGS-84.
        Assert.Equal(("鹿城区", "Lucheng", true, "Wgs84", false), (lucheng.GetProperty("name").GetString(), lucheng.GetProperty("name_en").GetString(), lucheng.GetProperty("urban").GetBoolean(), lucheng.GetProperty("sourceDatum").GetString(), lucheng.GetProperty("illustrative").GetBoolean()));
        Assert.Equal(330302, lucheng.GetProperty("adcode").GetInt32());
        // A rectangle has nothing to simplify: its five corners as imported, [longitude, latitude].
        var ring = features[0].GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Equal([(120.6, 28.005), (120.75, 28.005), (120.75, 28.1), (120.6, 28.1), (120.6, 28.005)], ring);
    }

    [Fact]
    public async Task Facilities_are_listed_by_code_with_what_they_accept_their_fee_and_capacity()
    {
        var facilities = (await GetJsonAsync("api/facilities")).EnumerateArray().ToList();

        Assert.Equal(["KW-PLANT", "WTE-YQ"], facilities.Select(f => f.GetProperty("code").GetString()));
        var kitchen = facilities[0];
        // test_facilities.csv: kitchen;catering at 120.68, 27.95 (WGS-84), 95 yuan/t, 300 t/day, W96-F2.
        Assert.Equal(("KitchenWastePlant", "W96-F2"), (kitchen.GetProperty("kind").GetString(), kitchen.GetProperty("clause").GetString()));
        Assert.Equal(["Kitchen"], kitchen.GetProperty("acceptedCategories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Catering"], kitchen.GetProperty("acceptedStreams").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((95m, 300m), (kitchen.GetProperty("gateFeeYuanPerTonne").GetDecimal(), kitchen.GetProperty("dailyCapacityTonnes").GetDecimal()));
        Assert.Equal((120.68, 27.95), (kitchen.GetProperty("longitude").GetDouble(), kitchen.GetProperty("latitude").GetDouble()));
        Assert.Equal(110.5m, facilities[1].GetProperty("gateFeeYuanPerTonne").GetDecimal());
        Assert.Equal(["Other"], facilities[1].GetProperty("acceptedCategories").EnumerateArray().Select(c => c.GetString()));
        Assert.All(facilities, f => Assert.False(f.GetProperty("isIllustrative").GetBoolean()));
    }

    [Fact]
    public async Task Vehicles_list_the_dedicated_fleet_of_W96_T2_and_all_adds_the_others()
    {
        static string?[] Plates(JsonElement list) => list.EnumerateArray().Select(v => v.GetProperty("plate").GetString()).ToArray();

        var dedicated = await GetJsonAsync("api/vehicles");
        var all = await GetJsonAsync("api/vehicles?all=true");
        var zone = await GetJsonAsync("api/vehicles?district=development-zone");

        // 浙CC0001 carries no dedicated category: listed only with all=true.
        Assert.Equal(["浙CA1234", "浙CB5678"], Plates(dedicated));
        Assert.Equal(["浙CA1234", "浙CB5678", "浙CC0001"], Plates(all));
        Assert.Equal(["浙CB5678"], Plates(zone));
        var lucheng = dedicated[0];
        Assert.Equal(("330302", "330302", "SAN-LC", "鹿城区环卫处", "Kitchen"), (lucheng.GetProperty("districtCode").GetString(), lucheng.GetProperty("areaCode").GetString(), lucheng.GetProperty("haulerCode").GetString(), lucheng.GetProperty("haulerName").GetString(), lucheng.GetProperty("dedicatedCategory").GetString()));
        Assert.Equal((3000, 8m, true), (lucheng.GetProperty("capacityKg").GetInt32(), lucheng.GetProperty("capacityCubicMetres").GetDecimal(), lucheng.GetProperty("sealed").GetBoolean()));
        Assert.Equal(("330303", "development-zone"), (zone[0].GetProperty("districtCode").GetString(), zone[0].GetProperty("areaCode").GetString()));
    }

    [Fact]
    public async Task Lines_carry_their_stops_in_visiting_order_their_facility_and_vehicle()
    {
        var lines = (await GetJsonAsync("api/lines")).EnumerateArray().ToList();
        var zone = Assert.Single((await GetJsonAsync("api/lines?district=development-zone")).EnumerateArray());

        Assert.Equal(["DZ-L1", "LC-L1"], lines.Select(l => l.GetProperty("code").GetString()));
        var lucheng = lines[1];
        // test_lines.csv: LC-L1 visits T-R2 before T-R1, ends at KW-PLANT, run by 浙CA1234.
        Assert.Equal(["T-R2", "T-R1"], lucheng.GetProperty("stopSiteCodes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("Kitchen", "KW-PLANT", "浙CA1234", "鹿城区厨余垃圾分运专线1"), (lucheng.GetProperty("category").GetString(), lucheng.GetProperty("facilityCode").GetString(), lucheng.GetProperty("vehiclePlate").GetString(), lucheng.GetProperty("name").GetString()));
        Assert.Equal(("DZ-L1", "development-zone"), (zone.GetProperty("code").GetString(), zone.GetProperty("areaCode").GetString()));
        Assert.Equal(["T-S1"], zone.GetProperty("stopSiteCodes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_dashboard_is_served_at_the_root()
    {
        using var response = await Client.GetAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/assets/app.js", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}

/// <summary>The API tests on SQLite.</summary>
public sealed class SqliteApiTests(SqliteServerFixture fixture) : ApiTests<SqliteServerFixture>(fixture);

/// <summary>The API tests on PostgreSQL (CITYSORT_TEST_POSTGRES).</summary>
public sealed class PostgreSqlApiTests(PostgreSqlServerFixture fixture) : ApiTests<PostgreSqlServerFixture>(fixture);
