using System.Text.Json.Nodes;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Policy;

namespace CitySort.Tests.Planning;

public sealed class PlanningProfileTests
{
    private const string Value = "$.settings.planning.value";

    private static JsonObject PlanningValue(JsonObject profile) => profile["settings"]!["planning"]!["value"]!.AsObject();

    private static ProfileError SingleErrorAt(ProfileLoadResult result, string path)
    {
        Assert.False(result.IsValid);
        var matches = result.Errors.Where(e => e.JsonPath == path).ToArray();
        Assert.True(matches.Length == 1, $"expected one error at {path}, got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        return matches[0];
    }

    [Fact]
    public void The_shipped_profile_plans_the_four_dedicated_categories_in_a_05_to_17_shift()
    {
        var planning = ProfileLoader.LoadDefault().Settings.Planning;

        Assert.NotNull(planning);
        Assert.Equal("W96-K3", planning.Clause);
        Assert.True(planning.IsIllustrative);
        Assert.Equal((new TimeOnly(5, 0), new TimeOnly(17, 0)), (planning.Value.ShiftStart, planning.Value.ShiftEnd));
        Assert.Equal(
            [WasteCategory.Recyclable, WasteCategory.Hazardous, WasteCategory.Other, WasteCategory.Kitchen],
            planning.Value.Categories.Select(c => c.Category).Order());
        Assert.Equal([SpecialStream.Catering], planning.Value.For(WasteCategory.Kitchen)!.Streams);
    }

    [Fact]
    public void A_profile_without_the_planning_setting_is_valid_and_has_no_planning_rules()
    {
        var profile = TestProfiles.Valid(p => p["settings"]!.AsObject().Remove("planning"));

        Assert.Null(profile.Settings.Planning);
    }

    [Fact]
    public void A_shift_that_ends_before_it_starts_is_rejected_at_its_path()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["shiftEnd"] = "04:00");

        var error = SingleErrorAt(result, Value + ".shiftEnd");
        Assert.Equal("the shift must end after it starts (05:00), on the same day, but ends at 04:00", error.Reason);
    }

    [Fact]
    public void A_clock_time_not_written_hh_mm_is_rejected()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["shiftStart"] = "5 am");

        var error = SingleErrorAt(result, Value + ".shiftStart");
        Assert.StartsWith("'shiftStart' must be a clock time written HH:mm", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detour_factor_below_one_is_rejected()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["roadDetourFactor"] = 0.9);

        var error = SingleErrorAt(result, Value + ".roadDetourFactor");
        Assert.Contains("must be at least 1", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_frequency_of_zero_days_is_rejected_at_its_round()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["categories"]![1]!["rounds"]![0]!["frequencyDays"] = 0);

        var error = SingleErrorAt(result, Value + ".categories[1].rounds[0].frequencyDays");
        Assert.Equal("'frequencyDays' must be at least 1, but is 0", error.Reason);
    }

    [Fact]
    public void A_category_planned_twice_is_rejected()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["categories"]![1]!["category"] = "Kitchen");

        var error = SingleErrorAt(result, Value + ".categories[1].category");
        Assert.StartsWith("duplicate planned category 'Kitchen'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fill_fraction_above_one_is_rejected()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["categories"]![0]!["fillFraction"] = 1.5);

        SingleErrorAt(result, Value + ".categories[0].fillFraction");
    }

    [Fact]
    public void An_unknown_field_in_a_round_is_rejected_with_the_fields_allowed()
    {
        var result = TestProfiles.Load(p => PlanningValue(p)["categories"]![0]!["rounds"]![0]!["weekday"] = "Monday");

        var error = SingleErrorAt(result, Value + ".categories[0].rounds[0].weekday");
        Assert.StartsWith("unknown field 'weekday'", error.Reason, StringComparison.Ordinal);
    }
}
