using System.Text.Json.Nodes;
using CitySort.Compliance;
using CitySort.Demo;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Policy;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Demo;

/// <summary>The demo city comes from the profile (issue 10, defect 4) and every record of it is marked illustrative (defect 3).</summary>
public sealed class DemoCityFromProfileTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();
    private static readonly DemoCity City = new DemoCityGenerator().Generate(DemoCityFactory.SpecFor(Profile), DemoCityFactory.DefaultSeed);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_record_the_demo_city_makes_is_marked_illustrative()
    {
        Assert.NotEmpty(City.Districts);
        Assert.NotEmpty(City.Streets);
        Assert.All(City.Districts, d => Assert.True(d.IsIllustrative, d.Code));
        Assert.All(City.Streets, s => Assert.True(s.IsIllustrative, s.Code));
        Assert.All(City.Sites, s => Assert.True(s.IsIllustrative, s.Code));
        Assert.All(City.Facilities, f => Assert.True(f.IsIllustrative, f.Code));
        Assert.All(City.Haulers, h => Assert.True(h.IsIllustrative, h.Code));
        Assert.All(City.Vehicles, v => Assert.True(v.IsIllustrative && v.Source == "demo", v.Plate));
        Assert.All(City.DedicatedLines, l => Assert.True(l.IsIllustrative && l.Source == "demo", l.Code));
    }

    [Fact]
    public void The_bin_rule_evaluator_finds_broken_exactly_the_sites_the_generator_broke_at_the_documented_share()
    {
        var results = City.Sites.ToDictionary(s => s.Code, s => BinRuleEvaluator.Evaluate(Profile, SiteFactsMapper.ToFacts(s, null)));

        var broken = results.Where(r => !r.Value.IsCompliant).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(City.Breaks.Keys.Order(StringComparer.Ordinal).ToList(), broken);
        foreach (var type in City.Sites.GroupBy(s => s.Type))
        {
            // DemoCitySpec.ShareNonCompliant = 0.2, rounded per area (5 areas) and type: within 5 sites of 0.2 x n.
            var share = type.Count(s => !results[s.Code].IsCompliant) / (double)type.Count();
            Assert.InRange(share, 0.2 - (5.0 / type.Count()), 0.2 + (5.0 / type.Count()));
        }
    }

    [Fact]
    public void The_generator_gives_the_bins_the_profile_asks_for_not_a_restated_rule()
    {
        // W96-B1 as shipped asks for 1 hazardous bin in a public area; a profile asking for 3 gets compliant compounds with 3.
        var profile = TestProfiles.Valid(root => HazardousRule(root)["minCount"] = 3);
        var city = new DemoCityGenerator().Generate(DemoCityFactory.SpecFor(profile), DemoCityFactory.DefaultSeed);

        var compliant = city.Sites.Where(s => s.Type == SiteType.ResidentialCompound && !city.Breaks.ContainsKey(s.Code)).ToList();
        Assert.NotEmpty(compliant);
        Assert.All(compliant, s => Assert.True(s.Bins.Where(b => b.Category == WasteCategory.Hazardous && b.Placement == BinPlacement.PublicArea).Sum(b => b.Count) >= 3, s.Code));
        Assert.All(city.Sites, s => Assert.Equal(city.Breaks.ContainsKey(s.Code), !BinRuleEvaluator.Evaluate(profile, SiteFactsMapper.ToFacts(s, null)).IsCompliant));
    }

    [Fact]
    public async Task Seeding_with_a_profile_takes_the_fleet_split_from_that_profile()
    {
        // W96-T2 as shipped: Lucheng 6 of 16. A profile with Lucheng 5 of 15 seeds 5 Lucheng vehicles.
        var profile = TestProfiles.Valid(root =>
        {
            var target = root["targets"]!.AsArray().Single(t => (string?)t!["id"] == "W96-T2")!;
            target["total"] = 15;
            target["splits"]!.AsArray().Single(s => (string?)s!["district"] == "330302")!["count"] = 5;
        });
        await using var db = await TestDatabase.SqliteAsync();

        var seeded = await db.Seeder.SeedIfEmptyAsync(profile, DemoCityFactory.DefaultSeed, Ct);

        Assert.Equal(15, seeded.Vehicles);
        await using var context = db.Context();
        Assert.Equal(5, await context.Vehicles.CountAsync(v => v.AreaCode == "330302", Ct));
    }

    private static JsonNode HazardousRule(JsonObject root) =>
        root["siteTypes"]!.AsArray().Single(t => (string?)t!["id"] == "ResidentialCompound")!["bins"]!.AsArray()
            .Single(b => (string?)b!["category"] == "Hazardous")!;
}
