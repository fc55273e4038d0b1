using CitySort.Registry;

namespace CitySort.Tests.Registry;

public sealed class RegistryValidatorTests
{
    [Theory]
    [InlineData("330302", 6, true)]
    [InlineData("33030", 6, false)]
    [InlineData("33030a", 6, false)]
    [InlineData("330302006", 9, true)]
    [InlineData("330302006044", 12, true)]
    [InlineData("３３０３０２", 6, false)]
    public void A_division_code_is_exactly_its_length_in_ASCII_digits(string code, int length, bool valid)
    {
        Assert.Equal(valid, RegistryValidator.IsDivisionCode(code, length));
    }

    [Fact]
    public void A_street_whose_code_does_not_start_with_its_district_code_is_invalid()
    {
        var problems = RegistryValidator.Validate(new Street { Code = "330304001", Name = "景山街道", DistrictCode = "330302" });

        Assert.Equal("code", Assert.Single(problems).Field);
    }

    [Fact]
    public void Negative_households_of_a_community_are_invalid()
    {
        var problems = RegistryValidator.Validate(new Community { Code = "330302006044", Name = "鼓楼社区", StreetCode = "330302006", Households = -1 });

        Assert.Equal("households", Assert.Single(problems).Field);
    }

    [Fact]
    public void A_bin_with_both_a_category_and_a_stream_is_invalid()
    {
        var problems = RegistryValidator.Validate(new Bin { Category = WasteCategory.Kitchen, Stream = SpecialStream.Catering, Count = 1, VolumeLitres = 120 });

        Assert.Single(problems);
    }

    [Fact]
    public void A_site_whose_community_is_in_another_street_is_invalid()
    {
        var site = new Site
        {
            Code = "S1",
            Name = "锦绣花园",
            DistrictCode = "330302",
            StreetCode = "330302006",
            CommunityCode = "330302023001",
            Type = SiteType.ResidentialCompound,
            Longitude = 120.65,
            Latitude = 28.01,
        };

        Assert.Equal("community_code", Assert.Single(RegistryValidator.Validate(site)).Field);
    }
}
