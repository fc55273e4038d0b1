using CitySort.Policy;

namespace CitySort.Tests.Policy;

public sealed class DefaultProfileTests
{
    [Fact]
    public void The_shipped_Wenzhou_2015_profile_loads_with_no_errors()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProfileLoader.ReadEmbeddedText()));

        var result = ProfileLoader.Load(stream, "wenzhou-2015.json");

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.IsValid);
    }
}
