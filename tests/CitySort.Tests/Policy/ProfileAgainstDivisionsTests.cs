using CitySort.Policy;
using CitySort.Testing;

namespace CitySort.Tests.Policy;

public sealed class ProfileAgainstDivisionsTests
{
    private static readonly PolicyProfile Profile = ProfileLoader.LoadDefault();

    /// <summary>Street code → (name, district code) from both division files (2023 streets, 2021 community streets).</summary>
    private static Dictionary<string, (string Name, string District)> RealStreets(string data)
    {
        var streets = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(data, "divisions", "wenzhou_streets.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            streets[f[0]] = (f[1], f[2]);
        }

        foreach (var line in File.ReadLines(Path.Combine(data, "divisions", "wenzhou_communities.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            streets[f[2]] = (f[3], f[4]);
        }

        return streets;
    }

    [Fact]
    public void Every_street_code_in_the_profile_is_a_real_street_of_that_name_in_the_division_files()
    {
        var real = RealStreets(Requires.SharedData());
        var named = Profile.Streets.Concat(Profile.Areas.SelectMany(a => a.Streets));

        Assert.All(named.SelectMany(s => s.Codes.Select(c => (Code: c, s.Name.Zh))), s =>
        {
            Assert.True(real.ContainsKey(s.Code), $"{s.Code} is in neither division file");
            Assert.Equal(s.Zh, real[s.Code].Name);
        });
    }

    [Fact]
    public void Every_urban_street_of_both_files_has_a_wage_tier_and_lies_in_the_scope()
    {
        var real = RealStreets(Requires.SharedData());
        var urban = real.Where(s => Profile.UrbanDistrictCodes.Contains(s.Value.District) || s.Value.District == "330371").ToArray();

        Assert.Equal(45 + 4, urban.Length); // 14 + 10 + 13 + 8 streets of 2023, plus the zone's 4 codes of 2021
        Assert.All(urban, s =>
        {
            Assert.True(Profile.IsInScope(s.Value.District, s.Key, s.Value.Name), s.Key);
            Assert.NotNull(Profile.WageTierFor(s.Value.District, s.Key));
        });
    }

    [Fact]
    public void The_development_zone_area_holds_exactly_its_four_streets_in_each_file()
    {
        var real = RealStreets(Requires.SharedData());
        var zone = Profile.Area("development-zone")!;

        var members = real.Where(s => zone.ContainsStreet(s.Key, s.Value.Name)).Select(s => s.Key).Order(StringComparer.Ordinal);

        Assert.Equal(["330303012", "330303013", "330303014", "330303015", "330371005", "330371008", "330371009", "330371011"], members);
    }
}
