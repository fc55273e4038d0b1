using CitySort.Policy;
using CitySort.Tests.Policy;

namespace CitySort.Tests.Planning;

/// <summary>The profile setting <c>mealBreak</c> (issue 11 item 5): CitySort's choice of the crews' meal break.</summary>
public sealed class MealBreakProfileTests
{
    private const string Value = "$.settings.mealBreak.value";

    private static System.Text.Json.Nodes.JsonObject MealValue(System.Text.Json.Nodes.JsonObject profile) =>
        profile["settings"]!["mealBreak"]!["value"]!.AsObject();

    [Fact]
    public void The_shipped_profile_plans_a_30_minute_meal_break_starting_between_11_00_and_13_00_as_an_illustrative_choice()
    {
        var meal = ProfileLoader.LoadDefault().Settings.MealBreak;

        Assert.NotNull(meal);
        Assert.Equal(("mealBreak", "W96-K3", true, true), (meal.Name, meal.Clause, meal.IsImplementerChoice, meal.IsIllustrative));
        Assert.Equal(new MealBreakRule(new TimeOnly(11, 0), new TimeOnly(13, 0), 30), meal.Value);
        // 30 min × 60 s = 1 800 s.
        Assert.Equal(1800, meal.Value.DurationSeconds);
    }

    [Fact]
    public void A_profile_without_the_meal_break_setting_is_valid_and_plans_no_break()
    {
        var profile = TestProfiles.Valid(p => p["settings"]!.AsObject().Remove("mealBreak"));

        Assert.Null(profile.Settings.MealBreak);
    }

    [Fact]
    public void A_meal_break_whose_latest_start_is_before_its_earliest_is_rejected_at_its_path()
    {
        var result = TestProfiles.Load(p => MealValue(p)["latestStart"] = "10:30");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.JsonPath == Value + ".latestStart");
        Assert.Equal("the latest start of the meal break (10:30) must not be before its earliest start (11:00)", error.Reason);
    }

    [Fact]
    public void A_meal_break_outside_the_shift_is_rejected_at_its_path()
    {
        // The shipped shift is 05:00–17:00; a break that may start at 18:00 lies outside it.
        var result = TestProfiles.Load(p => MealValue(p)["latestStart"] = "18:00");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.JsonPath == Value + ".earliestStart");
        Assert.StartsWith("the meal break must start within the shift of 'planning' (05:00 to 17:00)", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(241)]
    public void A_meal_break_of_no_minutes_or_more_than_four_hours_is_rejected(int minutes)
    {
        var result = TestProfiles.Load(p => MealValue(p)["durationMinutes"] = minutes);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.JsonPath == Value + ".durationMinutes");
    }
}
