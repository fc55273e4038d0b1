using CitySort.Collection.Violations;
using CitySort.Registry;
using static CitySort.Tests.Collection.DayEvents;

namespace CitySort.Tests.Collection;

public sealed class SameDayClearanceRuleTests
{
    private static DueSiteFacts Due(string code) => new(code, "site " + code, "330302", WasteCategory.Other, false);

    [Fact]
    public void Due_sites_not_picked_up_by_17_00_are_not_cleared_the_same_day()
    {
        // W96-K3 日产日清 with the clearance time planning.shiftEnd = 17:00:
        // S1 picked up at 16:30 ≤ 17:00 → cleared; S2 at exactly 17:00 → cleared; S3 only at 17:30 → not cleared
        // (evidence: that late pickup); S4 no other-waste pickup (a recyclables pickup does not clear it) → not cleared.
        var input = new SameDayClearanceInput(Day, [Due("S1"), Due("S2"), Due("S3"), Due("S4")], [
            Pickup("p1", "16:30", "S1", WasteCategory.Other),
            Pickup("p2", "17:00", "S2", WasteCategory.Other),
            Pickup("p3", "17:30", "S3", WasteCategory.Other),
            Pickup("p4", "09:00", "S4", WasteCategory.Recyclable),
        ], Rules);

        var findings = SameDayClearanceRule.Evaluate(input);

        Assert.Equal(["S3", "S4"], findings.Select(f => f.SiteCode));
        Assert.All(findings, f => Assert.Equal("W96-K3", f.ClauseId));
        Assert.Equal(["p3"], findings[0].Evidence.Select(e => e.Key.EventId));
        Assert.Empty(findings[1].Evidence);
        Assert.Equal("NotClearedSameDay||S4|2015-12-01|", findings[1].Key);
        Assert.Contains("17:30", findings[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_picked_up_in_the_morning_is_cleared()
    {
        var input = new SameDayClearanceInput(Day, [Due("S1")], [Pickup("p1", "06:10", "S1", WasteCategory.Other, plate: "浙C7777")], Rules);

        Assert.Empty(SameDayClearanceRule.Evaluate(input));
    }
}
