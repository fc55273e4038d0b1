using System.Text.Json;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Policy;

public sealed class DefaultProfileTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    [Fact]
    public void The_shipped_Wenzhou_2015_profile_loads_with_no_errors()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProfileLoader.ReadEmbeddedText()));

        var result = ProfileLoader.Load(stream, "wenzhou-2015.json");

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void The_default_profile_is_Wenzhou_2015_in_format_one()
    {
        Assert.Equal(("wenzhou-2015", "citysort-profile/1", new DateOnly(2015, 10, 15)), (Profile.Id, Profile.Format, Profile.ValidFrom));
        Assert.Contains("wenzhou-2015", ProfileLoader.EmbeddedProfileIds());
    }

    [Fact]
    public void Every_number_in_the_shipped_profile_carries_a_clause_id()
    {
        using var document = JsonDocument.Parse(ProfileLoader.ReadEmbeddedText());
        var unsourced = new List<string>();

        void Walk(JsonElement element, string path, bool clauseInScope)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var here = clauseInScope || element.TryGetProperty("clause", out _);
                    foreach (var p in element.EnumerateObject())
                    {
                        Walk(p.Value, path + "." + p.Name, here);
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, path + "[" + i++ + "]", clauseInScope);
                    }

                    break;
                case JsonValueKind.Number when !clauseInScope:
                    unsourced.Add(path);
                    break;
            }
        }

        Walk(document.RootElement, "$", false);

        Assert.Empty(unsourced);
    }

    [Fact]
    public void Every_implementers_choice_is_a_setting_that_says_it_is_CitySorts_choice()
    {
        var s = Profile.Settings;
        var notes = new[]
        {
            (s.Covered.IsImplementerChoice, s.Covered.Note), (s.CoverageWeighting.IsImplementerChoice, s.CoverageWeighting.Note),
            (s.EssentiallyAllThreshold.IsImplementerChoice, s.EssentiallyAllThreshold.Note), (s.HighRiseMinFloors.IsImplementerChoice, s.HighRiseMinFloors.Note),
            (s.BinsPerFloor.IsImplementerChoice, s.BinsPerFloor.Note), (s.RateFormulas.IsImplementerChoice, s.RateFormulas.Note),
            (s.GateFees.IsImplementerChoice, s.GateFees.Note), (s.ResidualAttribution.IsImplementerChoice, s.ResidualAttribution.Note),
            (s.WorkingDays.IsImplementerChoice, s.WorkingDays.Note),
        };

        Assert.All(notes, n =>
        {
            Assert.True(n.IsImplementerChoice);
            Assert.Contains("CitySort", n.Note.En, StringComparison.Ordinal);
            Assert.Contains("CitySort", n.Note.Zh, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_demo_gate_fees_are_marked_illustrative()
    {
        Assert.True(Profile.Settings.GateFees.IsIllustrative);
        Assert.All(Profile.Settings.GateFees.Value, f => Assert.True(f.IsIllustrative, f.FacilityKey));
        Assert.Equal(7, Profile.Settings.GateFees.Value.Count);
    }

    [Fact]
    public void The_implementers_numbers_are_the_documented_ones()
    {
        var s = Profile.Settings;
        Assert.Equal((0.95m, 10, 1), (s.EssentiallyAllThreshold.Value, s.HighRiseMinFloors.Value, s.BinsPerFloor.Value));
        Assert.Equal(new CoveredDefinition(true, true), s.Covered.Value);
        Assert.Equal(CoverageWeighting.Households, s.CoverageWeighting.Value.For(SiteType.ResidentialCompound));
        Assert.Equal(CoverageWeighting.SiteCount, s.CoverageWeighting.Value.Overall);
    }

    [Fact]
    public void The_scope_is_the_four_urban_districts_and_the_development_zone()
    {
        Assert.Equal(["330302", "330303", "330304", "330305"], Profile.UrbanDistrictCodes);
        Assert.Equal(["development-zone"], Profile.UrbanAreas.Select(a => a.Id));
    }

    [Theory]
    [InlineData("330303012", null)]
    [InlineData("330303015", null)]
    [InlineData("330371005", null)]
    [InlineData("330371011", null)]
    [InlineData(null, "海城街道")]
    [InlineData("330303099", "沙城街道")]
    public void Development_zone_streets_resolve_to_the_zone_in_both_vintages_and_by_name(string? code, string? name)
    {
        Assert.Equal(["development-zone"], Profile.ResolveArea(code, name).Select(a => a.Id));
    }

    [Theory]
    [InlineData("330303001", "永中街道")]
    [InlineData("330302006", null)]
    [InlineData("110101001", "海城街道")]
    public void Other_streets_resolve_to_no_area(string? code, string? name)
    {
        Assert.Empty(Profile.ResolveArea(code, name));
    }

    [Fact]
    public void Development_zone_sites_coded_330371_are_in_the_urban_scope()
    {
        Assert.True(Profile.IsInScope("330371", "330371005"));
        Assert.False(Profile.IsInScope("330324", "330324001"));
    }

    [Theory]
    [InlineData("330305", "330305002", 1)] // Lingkun is tier 1 by name in W58-1
    [InlineData("330305", "330305001", 2)] // the rest of Dongtou is tier 2
    [InlineData("330305", null, 2)]
    [InlineData("330302", "330302006", 1)]
    [InlineData("330303", "330303012", 1)] // development zone, 2023 codes
    [InlineData("330371", "330371005", 1)] // development zone, 2021 codes
    [InlineData("330382", null, 2)]
    [InlineData("330324", null, 3)]
    public void Wage_tiers_follow_W58_1(string district, string? street, int tier)
    {
        Assert.Equal(tier, Profile.WageTierFor(district, street)?.Tier);
    }

    [Fact]
    public void Tier_one_pays_1860_a_month_and_17_an_hour()
    {
        var tier = Profile.WageTierFor("330305", "330305002", new DateOnly(2015, 11, 1))!;

        Assert.Equal((1860m, 17m), (tier.MonthlyYuan, tier.PartTimeHourlyYuan));
    }

    [Fact]
    public void No_wage_tier_applies_before_W58_is_in_force()
    {
        Assert.Null(Profile.WageTierFor("330302", null, new DateOnly(2015, 10, 31)));
    }

    [Fact]
    public void The_vehicle_and_line_targets_split_as_the_plan_says()
    {
        var vehicles = Profile.Target("W96-T2")!;
        var lines = Profile.Target("W96-T3")!;

        Assert.Equal(16, vehicles.Total);
        Assert.Equal([6, 4, 4, 2], vehicles.Splits.Select(s => s.Count)); // Lucheng, Ouhai, Longwan, development zone
        Assert.Equal(8, lines.Total);
        Assert.Equal([3, 2, 2, 1], lines.Splits.Select(s => s.Count));
        Assert.Equal("development-zone", vehicles.Splits[3].AreaId);
        Assert.Equal(["development-zone"], vehicles.Splits[2].ExceptAreaIds);
    }

    [Theory]
    [InlineData("330302", null, null, "330302")]
    [InlineData("330303", null, null, "330303")] // Longwan without a street: Longwan's part
    [InlineData("330303", "330303001", null, "330303")]
    [InlineData("330303", "330303012", null, "development-zone")] // zone street under Longwan (2023 codes)
    [InlineData("330371", null, null, "development-zone")] // the zone's own code (2021 codes)
    [InlineData("330303", null, "天河街道", "development-zone")]
    [InlineData("330305", null, null, null)] // Dongtou has no part of W96-T2
    public void A_vehicle_counts_for_the_part_of_W96_T2_of_its_place(string district, string? street, string? name, string? part)
    {
        var split = Profile.SplitFor(Profile.Target("W96-T2")!, district, street, name);

        Assert.Equal(part, split?.AreaId ?? split?.DistrictCode);
    }

    [Fact]
    public void The_2015_residual_target_is_3_percent_below_the_2014_baseline()
    {
        var t5 = Profile.Target("W96-T5")!;

        Assert.Equal(1_148_900m, t5.Baseline!.Tonnes);
        Assert.Equal(1_114_433m, t5.AllowedTonnes); // 1,148,900 × (1 − 0.03) = 1,114,433
    }

    [Fact]
    public void The_essentially_all_target_takes_the_threshold_setting()
    {
        var t = Profile.Target("W96-T1.institutions")!;

        Assert.True(t.EssentiallyAll);
        Assert.Equal(0.95m, t.MinShare);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(500, 1)]
    [InlineData(501, 2)] // at least 1 per 500 households: ceil(501 / 500) = 2
    [InlineData(1200, 3)]
    public void Persuaders_are_one_per_500_households_rounded_up(int households, int persuaders)
    {
        Assert.Equal(persuaders, Profile.People.RequiredPersuaders(households));
    }

    [Fact]
    public void Supervisors_are_two_per_street()
    {
        Assert.Equal(28, Profile.People.RequiredSupervisors(14)); // Lucheng's 14 streets × 2
    }

    [Fact]
    public void The_city_pays_a_third_of_compound_bin_renewal()
    {
        var m1 = Profile.Money.Single(m => m.Clause == "W96-M1");

        Assert.Equal(700_000m, m1.ShareOf(2_100_000m)); // 2,100,000 × 1/3
    }

    [Fact]
    public void A_report_is_due_on_the_fifth_working_day_counting_swapped_weekends_and_holidays()
    {
        var days = Profile.Settings.WorkingDays.Value;

        // Period ends Wed 2016-02-03: Thu 4 (1), Fri 5 (2), Sat 6 worked (3), Sun 7 off, 8–12 Spring Festival,
        // Sat 13 off, Sun 14 worked (4), Mon 15 (5).
        Assert.Equal(new DateOnly(2016, 2, 15), days.ReportDueDate(new DateOnly(2016, 2, 3)));
    }

    [Fact]
    public void Stages_follow_one_another()
    {
        Assert.Equal(["W96-S1", "W96-S2", "W96-S3"], Profile.Stages.Select(s => s.Id));
        Assert.Equal(new DateOnly(2016, 12, 31), Profile.Stages[2].Period.To);
    }
}
