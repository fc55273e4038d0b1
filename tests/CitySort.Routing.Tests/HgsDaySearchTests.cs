using CitySort.Routing.Hgs;

namespace CitySort.Routing.Tests;

/// <summary>Single moves of the day search's local search, on hand-made starting days.</summary>
public sealed class HgsDaySearchTests
{
    /// <summary>
    /// Two clusters east of the depot D (0, 0), which is also where the facility F stands: P (100, 0), Q (100, 2) and
    /// R (100, 50), S (100, 52); two vehicles, no windows, room for everything in one day. Distances are Euclidean,
    /// rounded to the nearest integer.
    /// </summary>
    private static Problem TwoClusters()
    {
        var builder = new ProblemBuilder { Name = "two-clusters" };
        builder.AddDepot(new Depot { Name = "D", X = 0, Y = 0, TimeWindow = new TimeWindow(Duration.Zero, new Duration(10_000)) });
        builder.AddClient(new Client { Name = "P", X = 100, Y = 0, Demand = new Load(1) });
        builder.AddClient(new Client { Name = "Q", X = 100, Y = 2, Demand = new Load(1) });
        builder.AddClient(new Client { Name = "R", X = 100, Y = 50, Demand = new Load(1) });
        builder.AddClient(new Client { Name = "S", X = 100, Y = 52, Demand = new Load(1) });
        builder.AddFacility(new Facility { Name = "F", X = 0, Y = 0 });
        builder.AddVehicleType(new VehicleType { Count = 2, Capacity = new Load(10), UnloadingFacilities = [0] });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    [Fact]
    public void Route_elimination_merges_a_day_that_no_single_move_can_empty()
    {
        // Start: day 1 = D P Q F D = 100 + 2 + 100 = 202; day 2 = D R S F D = 112 + 2 + 113 = 227 (√(100² + 50²) =
        // 111.8 → 112, √(100² + 52²) = 112.7 → 113); total 429. Every single move costs more: R after Q gives
        // 262 + 226 = 488, P after S gives 266 + 200 = 466, the 2-opt* of Q with R gives 265 + 224 = 489. Emptying
        // day 2 gives D P Q R S F D = 100 + 2 + 48 + 2 + 113 = 265, the optimum (D P Q S R F D is 266).
        var problem = TwoClusters();
        var search = new HgsDaySearch(problem, granularity: 3, seed: 1);
        List<int>[] days = [[0, 1], [2, 3]];

        var cost = search.Improve(days);

        Assert.Equal(265, cost);
        Assert.Single(days, d => d.Count > 0);
        var merged = days.Single(d => d.Count > 0);
        Assert.Equal(4, merged.Count(v => v >= 0));
        Assert.True(merged.SequenceEqual([0, 1, 2, 3]) || merged.SequenceEqual([3, 2, 1, 0]), string.Join(",", merged));
    }
}
