using System.Text.Json;
using CitySort.Compliance;
using CitySort.Policy;

namespace CitySort.Tests.Policy;

public sealed class ProfileSerializationTests
{
    [Fact]
    public void The_loaded_profile_serializes_to_json_for_the_api()
    {
        var json = JsonSerializer.Serialize(ProfileLoader.LoadDefault());

        using var document = JsonDocument.Parse(json);
        Assert.Equal("wenzhou-2015", document.RootElement.GetProperty("Id").GetString());
        Assert.Equal(1_148_900m, document.RootElement.GetProperty("Targets")[7].GetProperty("Baseline").GetProperty("Tonnes").GetDecimal());
    }

    [Fact]
    public void A_coverage_report_serializes_to_json_for_the_api()
    {
        var report = CoverageCalculator.Compute(ProfileLoader.LoadDefault(), Array.Empty<SiteFacts>());

        var json = JsonSerializer.Serialize(report);

        Assert.Contains("\"TargetId\":\"W96-T1.overall\"", json, StringComparison.Ordinal);
    }
}
