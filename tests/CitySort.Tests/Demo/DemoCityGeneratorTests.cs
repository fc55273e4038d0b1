using System.Text.Json;
using CitySort.Demo;
using CitySort.Registry;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CitySort.Tests.Demo;

public sealed class DemoCityGeneratorTests
{
    private static readonly DemoCity City = new DemoCityGenerator().Generate(DemoCitySpec.Default, 42);

    [Fact]
    public void The_same_seed_gives_the_same_registry()
    {
        var again = new DemoCityGenerator().Generate(DemoCitySpec.Default, 42);

        Assert.Equal(Snapshot(City), Snapshot(again));
    }

    [Fact]
    public void Another_seed_gives_another_registry()
    {
        var other = new DemoCityGenerator().Generate(DemoCitySpec.Default, 43);

        Assert.NotEqual(Snapshot(City), Snapshot(other));
    }

    [Fact]
    public void Households_add_up_to_the_spec_and_about_a_million()
    {
        // Default spec: 400,000 + 300,000 + 160,000 + 90,000 + 45,000 = 995,000 households.
        Assert.Equal(995_000, City.Sites.Sum(s => s.Households ?? 0));
    }

    [Fact]
    public void The_implied_household_waste_is_three_to_four_thousand_tonnes_a_day()
    {
        // 995,000 households x 3.0 kg = 2,985 t, plus staff and public places (a few hundred t).
        Assert.InRange(City.HouseholdWasteTonnesPerDay, 3000, 4000);
    }

    [Fact]
    public void Every_site_type_is_present_with_compounds_the_most_numerous()
    {
        var counts = City.Sites.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4, counts.Count);
        Assert.True(counts[SiteType.ResidentialCompound] > counts[SiteType.InstitutionOrEnterprise]);
        Assert.True(counts[SiteType.InstitutionOrEnterprise] > counts[SiteType.PublicPlace]);
    }

    [Fact]
    public void The_share_of_non_compliant_sites_per_type_is_the_spec_share()
    {
        foreach (var group in City.Sites.GroupBy(s => s.Type))
        {
            var share = group.Count(s => City.Breaks.ContainsKey(s.Code)) / (double)group.Count();
            // Rounded per area and type: within 1 site per area (5 areas) of 0.2.
            Assert.InRange(share, 0.2 - (5.0 / group.Count()), 0.2 + (5.0 / group.Count()));
        }
    }

    [Fact]
    public void A_site_listed_as_missing_recyclables_has_no_recyclable_bin_and_a_compliant_compound_has_them()
    {
        var missing = City.Sites.First(s => City.Breaks.GetValueOrDefault(s.Code) == DemoBreak.MissingRecyclable);
        var compliant = City.Sites.First(s => s.Type == SiteType.ResidentialCompound && !City.Breaks.ContainsKey(s.Code));

        Assert.DoesNotContain(missing.Bins, b => b.Category == WasteCategory.Recyclable);
        Assert.Contains(compliant.Bins, b => b.Category == WasteCategory.Recyclable && b.Placement == BinPlacement.Site);
        Assert.Contains(compliant.Bins, b => b.Category == WasteCategory.Hazardous && b.Placement == BinPlacement.PublicArea);
    }

    [Fact]
    public void High_rise_compliant_compounds_have_a_bin_per_floor_of_recyclables_and_other_waste()
    {
        var highRise = City.Sites.Where(s => s.Type == SiteType.ResidentialCompound && s.Floors >= 10 && !City.Breaks.ContainsKey(s.Code)).ToList();

        Assert.NotEmpty(highRise);
        Assert.All(highRise, s =>
        {
            Assert.Contains(s.Bins, b => b.Category == WasteCategory.Recyclable && b.Placement == BinPlacement.EveryFloor && b.Count >= s.Floors);
            Assert.Contains(s.Bins, b => b.Category == WasteCategory.Other && b.Placement == BinPlacement.EveryFloor && b.Count >= s.Floors);
        });
    }

    [Fact]
    public void Each_district_has_two_wet_dry_pilot_compounds_with_property_management()
    {
        var pilots = City.Sites.Where(s => s.IsWetDryPilot).ToList();

        Assert.All(pilots, p => Assert.True(p.HasPropertyManagement));
        Assert.Equal(["330302", "330303", "330304", "330305"], pilots.GroupBy(p => p.DistrictCode).Where(g => g.Count() == 2).Select(g => g.Key).Order());
    }

    [Fact]
    public void The_sixteen_vehicles_and_eight_lines_of_W96_T2_T3_are_split_by_area()
    {
        var vehicles = City.Vehicles.GroupBy(v => v.AreaCode).ToDictionary(g => g.Key, g => g.Count());
        var lines = City.DedicatedLines.GroupBy(l => l.AreaCode).ToDictionary(g => g.Key, g => g.Count());

        // W96-T2: Lucheng 6, Ouhai 4, Longwan 4, development zone 2; W96-T3: 3, 2, 2, 1.
        Assert.Equal((16, 6, 4, 4, 2), (City.Vehicles.Count, vehicles["330302"], vehicles["330304"], vehicles["330303"], vehicles["development-zone"]));
        Assert.Equal((8, 3, 2, 2, 1), (City.DedicatedLines.Count, lines["330302"], lines["330304"], lines["330303"], lines["development-zone"]));
        Assert.All(City.Vehicles, v => Assert.True(v.Sealed));
    }

    [Fact]
    public void Every_line_stops_at_sites_of_its_area_that_have_its_category_and_ends_at_a_facility_that_accepts_it()
    {
        var sites = City.Sites.ToDictionary(s => s.Code);
        var facilities = City.Facilities.ToDictionary(f => f.Code);

        Assert.All(City.DedicatedLines, line =>
        {
            Assert.NotEmpty(line.Stops);
            Assert.Contains(line.Category!.Value, facilities[line.FacilityCode].AcceptedCategories);
            Assert.Equal(Enumerable.Range(1, line.Stops.Count), line.Stops.Select(s => s.Sequence));
            Assert.All(line.Stops, stop => Assert.Contains(sites[stop.SiteCode].Bins, b => b.Category == line.Category));
        });
    }

    [Fact]
    public void The_facilities_of_W96_F_are_present_and_flagged_illustrative()
    {
        var kinds = City.Facilities.Select(f => f.Kind).ToHashSet();

        Assert.Superset(
            new HashSet<FacilityKind> { FacilityKind.WasteToEnergyPlant, FacilityKind.Landfill, FacilityKind.HazardousWasteCentre, FacilityKind.KitchenWastePlant, FacilityKind.ConstructionWasteSite },
            kinds);
        Assert.Equal(2, City.Facilities.Count(f => f.Kind == FacilityKind.WasteToEnergyPlant));
        Assert.All(City.Facilities, f => Assert.True(f.IsIllustrative));
    }

    [Fact]
    public void Every_site_lies_inside_its_districts_illustrative_boundary()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var shapes = City.IllustrativeBoundaries.ToDictionary(b => b.Key, b => JsonSerializer.Deserialize<Geometry>(b.Value, options)!);
        var factory = new GeometryFactory();

        // A site of the development zone lies in its host district Longwan (330303); points are rounded to 1e-6 degrees.
        Assert.All(City.Sites, s => Assert.True(shapes[s.DistrictCode].Buffer(1e-5).Contains(factory.CreatePoint(new Coordinate(s.Longitude, s.Latitude))), s.Code));
    }

    [Fact]
    public void Without_divisions_the_short_list_gives_real_codes_including_the_four_development_zone_streets()
    {
        Assert.Equal(4, City.Districts.Count);
        Assert.Contains(City.Streets, s => s.Code == "330303012" && s.Name == "海城街道");
        Assert.Equal(4, City.Streets.Count(s => string.CompareOrdinal(s.Code, "330303012") >= 0 && string.CompareOrdinal(s.Code, "330303015") <= 0));
        Assert.All(City.Sites.Where(s => s.Code.StartsWith("JK-", StringComparison.Ordinal)), s => Assert.StartsWith("33030301", s.StreetCode!, StringComparison.Ordinal));
    }

    private static string Snapshot(DemoCity city) => JsonSerializer.Serialize(new
    {
        Sites = city.Sites.Select(s => new { s.Code, s.Name, s.Type, s.StreetCode, s.Longitude, s.Latitude, s.Households, s.Staff, s.Floors, s.CollectedSorted, Bins = s.Bins.Select(b => new { b.Category, b.Stream, b.Placement, b.Count, b.VolumeLitres, b.Bagged }) }),
        Vehicles = city.Vehicles.Select(v => new { v.Plate, v.AreaCode, v.DedicatedCategory }),
        Lines = city.DedicatedLines.Select(l => new { l.Code, l.FacilityCode, l.VehiclePlate, Stops = l.Stops.Select(s => s.SiteCode) }),
        city.Breaks,
        city.IllustrativeBoundaries,
    });
}
