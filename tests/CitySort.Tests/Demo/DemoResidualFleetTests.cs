using CitySort.Demo;
using CitySort.Registry;

namespace CitySort.Tests.Demo;

/// <summary>The demo city's existing other-waste fleet (W96-K3), kept apart from the 16 vehicles of W96-T2.</summary>
public sealed class DemoResidualFleetTests
{
    private static readonly DemoCity City = new DemoCityGenerator().Generate(DemoCitySpec.Default, 2015);

    [Fact]
    public void The_fleet_has_no_dedicated_category_and_is_sealed_and_illustrative()
    {
        Assert.NotEmpty(City.ResidualFleet);
        Assert.All(City.ResidualFleet, v => Assert.True(v.DedicatedCategory is null && v.DedicatedStream is null && v.Sealed && v.IsIllustrative));
        Assert.Equal(16, City.Vehicles.Count);
    }

    [Fact]
    public void Its_plates_are_unique_and_none_is_a_plate_of_the_sorted_transport_vehicles()
    {
        var plates = City.Vehicles.Concat(City.ResidualFleet).Select(v => v.Plate).ToList();

        Assert.Equal(plates.Count, plates.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Each_area_gets_enough_compactor_and_transfer_trucks_for_its_residual_waste()
    {
        var spec = DemoCitySpec.Default;
        foreach (var area in spec.Areas)
        {
            var kg = City.Sites.Where(s => s.Code.StartsWith(area.SiteCodePrefix + "-", StringComparison.Ordinal)).Sum(s => DemoResidualFleet.DailyResidualKg(s, spec));
            var trucks = City.ResidualFleet.Where(v => v.AreaCode == area.AreaCode).ToList();

            // ⌈kg ÷ (8,000 kg × 4 trips)⌉ compactors and ⌈kg ÷ (20,000 kg × 6 loads)⌉ transfer trucks per area.
            Assert.Equal((int)Math.Ceiling(kg / 32_000), trucks.Count(v => v.CapacityKg == 8_000));
            Assert.Equal((int)Math.Ceiling(kg / 120_000), trucks.Count(v => v.CapacityKg == 20_000));
            Assert.All(trucks, v => Assert.Equal(area.DistrictCode, v.DistrictCode));
        }
    }

    [Fact]
    public void A_compound_makes_its_households_times_the_rate_times_the_residual_share()
    {
        var site = new Site { Code = "X", Name = "x", Type = SiteType.ResidentialCompound, DistrictCode = "330302", StreetCode = "330302006", Households = 400 };

        // 400 households × 3.0 kg × 0.97 = 1,164 kg.
        Assert.Equal(1_164, DemoResidualFleet.DailyResidualKg(site, DemoCitySpec.Default), 6);
    }
}
