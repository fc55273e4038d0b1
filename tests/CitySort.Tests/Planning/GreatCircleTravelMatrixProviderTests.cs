using CitySort.Planning;
using CitySort.Policy;

namespace CitySort.Tests.Planning;

public sealed class GreatCircleTravelMatrixProviderTests
{
    [Fact]
    public async Task One_degree_of_latitude_is_the_arc_times_the_detour_at_the_average_speed()
    {
        var rules = new PlanningRules("Asia/Shanghai", new TimeOnly(5, 0), new TimeOnly(17, 0), 1.3m, 36m, 120, 900, true, []);
        var provider = new GreatCircleTravelMatrixProvider(rules);

        var matrix = await provider.GetAsync([new GeoPoint(120.6, 27.0), new GeoPoint(120.6, 28.0)], TestContext.Current.CancellationToken);

        // 6 371 008.8 m × π / 180 = 111 195.08 m; × 1.3 = 144 553.6 → 144 554 m; at 36 km/h = 10 m/s → 14 455.4 → 14 455 s.
        Assert.Equal(144_554, matrix.DistanceMetres[0, 1]);
        Assert.Equal(144_554, matrix.DistanceMetres[1, 0]);
        Assert.Equal(14_455, matrix.DurationSeconds[0, 1]);
        Assert.Equal(0, matrix.DistanceMetres[0, 0]);
    }
}
