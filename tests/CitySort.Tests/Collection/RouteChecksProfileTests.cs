using CitySort.Collection.Violations;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Tests.Policy;

namespace CitySort.Tests.Collection;

public sealed class RouteChecksProfileTests
{
    [Fact]
    public void The_shipped_profile_puts_a_vehicle_off_its_line_beyond_500_m_for_more_than_10_minutes()
    {
        var setting = ProfileLoader.LoadDefault().Settings.RouteChecks;

        Assert.NotNull(setting);
        Assert.Equal("W96-R1", setting.Clause);
        Assert.True(setting.IsIllustrative);
        Assert.Equal(new RouteCheckRules(500, 600, 120), setting.Value);
    }

    [Fact]
    public void The_violation_rules_read_mixing_sealing_and_clearance_from_the_collection_modes_and_the_shift_end()
    {
        // W96-K5 forbids mixing and asks for sealed transport of C1..C4 and catering; W96-K3 clears other waste the same
        // day; the clearance time is planning.shiftEnd 17:00.
        var rules = ViolationRules.From(ProfileLoader.LoadDefault());

        Assert.True(rules.IsMixingForbidden(new WasteLoad(WasteCategory.Recyclable, null)));
        Assert.True(rules.MustBeSealed(new WasteLoad(null, SpecialStream.Catering)));
        Assert.False(rules.IsMixingForbidden(new WasteLoad(null, SpecialStream.Bulky)));
        Assert.Equal([WasteCategory.Other], rules.SameDayClearanceCategories);
        Assert.Equal(new TimeOnly(17, 0), rules.ClearanceTime);
        Assert.Equal(new WasteLoad(WasteCategory.Kitchen, null), rules.ClassOf(new WasteLoad(null, SpecialStream.Catering)));
    }

    [Fact]
    public void A_profile_without_route_checks_is_valid_and_checks_no_line()
    {
        var profile = TestProfiles.Valid(p => p["settings"]!.AsObject().Remove("routeChecks"));

        Assert.Null(profile.Settings.RouteChecks);
        Assert.Null(ViolationRules.From(profile).RouteChecks);
    }

    [Fact]
    public void An_off_line_distance_of_zero_is_refused_with_its_json_path()
    {
        var result = TestProfiles.Load(p => p["settings"]!["routeChecks"]!["value"]!["offLineDistanceMetres"] = 0);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.settings.routeChecks.value.offLineDistanceMetres", error.JsonPath);
        Assert.Contains("at least 1", error.Reason, StringComparison.Ordinal);
    }
}
