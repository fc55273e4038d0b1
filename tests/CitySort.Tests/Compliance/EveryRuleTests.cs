using CitySort.Compliance;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Compliance;

public sealed class EveryRuleTests
{
    private const int Floors = 12; // high-rise under the shipped threshold of 10

    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    public static TheoryData<SiteType, int> Rules()
    {
        var data = new TheoryData<SiteType, int>();
        foreach (var type in Profile.SiteTypes)
        {
            for (var i = 0; i < type.Bins.Count; i++)
            {
                data.Add(type.SiteType, i);
            }
        }

        return data;
    }

    /// <summary>One bagged row per rule at its first placement with exactly the count it needs.</summary>
    private static BinFacts RowFor(BinRule rule) =>
        new(rule.Category, rule.Stream, rule.Placements[0], rule.PerFloor ? Floors * Profile.Settings.BinsPerFloor.Value : Math.Max(rule.MinCount, 1), 120, true);

    private static SiteFacts FullSite(SiteType type, IEnumerable<BinFacts> bins) =>
        new("FULL", type, "330302", "330302006", 800, 120, Floors, true, true, true, true, true, true, bins.ToArray());

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_site_meeting_every_rule_of_its_type_complies(SiteType type, int _)
    {
        var rule = Profile.RuleFor(type);
        var site = FullSite(type, rule.Bins.Select(RowFor).Distinct());

        Assert.True(BinRuleEvaluator.Evaluate(Profile, site).IsCompliant);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Taking_away_the_bins_of_one_rule_gives_a_gap_with_that_rules_clause(SiteType type, int index)
    {
        var rules = Profile.RuleFor(type).Bins;
        var removed = RowFor(rules[index]);
        var site = FullSite(type, rules.Select(RowFor).Distinct().Where(r => r != removed));

        var gaps = BinRuleEvaluator.Evaluate(Profile, site).Gaps;

        Assert.Contains(gaps, g => g.Clause == rules[index].Clause && g.Category == rules[index].Category
            && g.Stream == rules[index].Stream && g.Placement == rules[index].Placements[0] && g.PresentCount == 0);
    }
}
