using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Planning;

public sealed class DueSiteSelectorTests
{
    private static readonly CategoryPlanning Recyclables = new(WasteCategory.Recyclable, [], 0.6m, 0.08m, [new CollectionRound([], false, false, false, 14)]);

    private static readonly CategoryPlanning Kitchen = new(
        WasteCategory.Kitchen,
        [SpecialStream.Catering],
        0.6m,
        0.5m,
        [
            new CollectionRound([SiteType.ResidentialCompound], WetDryPilotOnly: true, CanteenOnly: false, KitchenWasteHeavyOnly: false, 1),
            new CollectionRound([SiteType.SchoolOrKindergarten], false, false, false, 4),
        ]);

    private static PlanningRules Rules(bool collectedSortedOnly, params CategoryPlanning[] categories) =>
        new("Asia/Shanghai", new TimeOnly(5, 0), new TimeOnly(17, 0), 1.3m, 35m, 120, 900, collectedSortedOnly, categories);

    private static Site Site(string code, SiteType type, params Bin[] bins) => new()
    {
        Code = code,
        Name = code,
        DistrictCode = "330302",
        Type = type,
        CollectedSorted = true,
        Bins = [.. bins],
    };

    private static Bin Bin(WasteCategory? category, int count, int litres, SpecialStream? stream = null) =>
        new() { Category = category, Stream = stream, Count = count, VolumeLitres = litres };

    [Fact]
    public void The_stable_hash_is_fnv_1a_32_of_the_utf8_code()
    {
        // FNV-1a 32-bit test vector: "a" → 0xE40C292C.
        Assert.Equal(0xE40C292Cu, DueSiteSelector.StableHash("a"));
        Assert.Equal(DueSiteSelector.StableHash("a"), DueSiteSelector.StableHash("  a "));
    }

    [Fact]
    public void A_weekly_site_is_due_on_exactly_one_day_of_each_week_fixed_by_its_code()
    {
        // phase("a", 7) = 3826002220 mod 7 = 5; 2015-12-05 has DayNumber 735936 and (735936 − 5) mod 7 = 0.
        Assert.Equal(5, DueSiteSelector.PhaseOf("a", 7));
        var due = Enumerable.Range(0, 14).Select(i => new DateOnly(2015, 12, 1).AddDays(i)).Where(d => DueSiteSelector.IsDue("a", 7, d)).ToArray();

        Assert.Equal([new DateOnly(2015, 12, 5), new DateOnly(2015, 12, 12)], due);
    }

    [Fact]
    public void A_daily_site_is_due_every_day()
    {
        Assert.All(Enumerable.Range(0, 30), i => Assert.True(DueSiteSelector.IsDue("LC-SK-0001", 1, new DateOnly(2015, 12, 1).AddDays(i))));
    }

    [Fact]
    public void Demand_sums_count_times_litres_times_fill_times_density_and_rounds_up()
    {
        var site = Site("X", SiteType.ResidentialCompound, Bin(WasteCategory.Recyclable, 2, 240), Bin(WasteCategory.Recyclable, 10, 60), Bin(WasteCategory.Other, 5, 240));

        // (2 × 240 + 10 × 60) L = 1 080 L × 0.6 × 0.08 kg/L = 51.84 kg → 52 kg; the Other bins do not count.
        Assert.Equal(52, DueSiteSelector.DemandKg(site, Recyclables));
    }

    [Fact]
    public void Kitchen_demand_includes_the_catering_stream_the_same_vehicles_empty()
    {
        var site = Site("X", SiteType.InstitutionOrEnterprise, Bin(WasteCategory.Kitchen, 4, 60), Bin(null, 2, 240, SpecialStream.Catering), Bin(null, 1, 240, SpecialStream.Bulky));

        // (4 × 60 + 2 × 240) L = 720 L × 0.6 × 0.5 kg/L = 216 kg; the bulky-waste bin does not count.
        Assert.Equal(216, DueSiteSelector.DemandKg(site, Kitchen));
    }

    [Fact]
    public void Only_sites_a_round_serves_that_are_due_and_hold_waste_are_selected()
    {
        var pilot = Site("P1", SiteType.ResidentialCompound, Bin(WasteCategory.Kitchen, 3, 120));
        pilot.IsWetDryPilot = true;
        var plainCompound = Site("P2", SiteType.ResidentialCompound, Bin(WasteCategory.Kitchen, 3, 120));
        var emptyPilot = Site("P3", SiteType.ResidentialCompound, Bin(WasteCategory.Other, 3, 120));
        emptyPilot.IsWetDryPilot = true;
        var unsorted = Site("P4", SiteType.ResidentialCompound, Bin(WasteCategory.Kitchen, 3, 120));
        unsorted.IsWetDryPilot = true;
        unsorted.CollectedSorted = false;

        var due = DueSiteSelector.Select([plainCompound, pilot, emptyPilot, unsorted], Rules(true, Kitchen), Kitchen, new DateOnly(2015, 12, 1), _ => "330302");

        // P1: pilot, daily, 3 × 120 L × 0.6 × 0.5 = 108 kg. P2 is no pilot, P3 has no kitchen bin, P4 is not collected sorted.
        var site = Assert.Single(due);
        Assert.Equal(("P1", 108L, 1), (site.SiteCode, site.DemandKg, site.FrequencyDays));
    }

    [Fact]
    public void Unsorted_sites_are_selected_when_the_rules_do_not_ask_for_sorted_collection()
    {
        var unsorted = Site("P4", SiteType.ResidentialCompound, Bin(WasteCategory.Kitchen, 3, 120));
        unsorted.IsWetDryPilot = true;
        unsorted.CollectedSorted = false;

        var due = DueSiteSelector.Select([unsorted], Rules(false, Kitchen), Kitchen, new DateOnly(2015, 12, 1), _ => "330302");

        Assert.Single(due);
    }

    [Fact]
    public void Each_site_of_a_fortnightly_round_is_due_exactly_twice_in_28_days_fourteen_days_apart()
    {
        var sites = Enumerable.Range(1, 40).Select(i => Site($"LC-RC-{i:D4}", SiteType.ResidentialCompound, Bin(WasteCategory.Recyclable, 1, 240))).ToList();
        var days = Enumerable.Range(0, 28).Select(i => new DateOnly(2015, 12, 1).AddDays(i)).ToArray();

        var dueDays = days
            .SelectMany(d => DueSiteSelector.Select(sites, Rules(true, Recyclables), Recyclables, d, _ => "330302").Select(s => (s.SiteCode, d)))
            .GroupBy(x => x.SiteCode)
            .ToDictionary(g => g.Key, g => g.Select(x => x.d).ToArray());

        Assert.Equal(40, dueDays.Count);
        Assert.All(dueDays.Values, d => Assert.Equal(14, d[1].DayNumber - d[0].DayNumber));
    }
}
