using CitySort.Routing.Hgs;

namespace CitySort.Routing.Tests;

/// <summary>The split of a giant tour into routes, with and without a route limit.</summary>
public sealed class HgsSplitTests
{
    // The line problem: clients 1, 2, 3 at x = 10, 20, 30, demand 4 each, capacity 10, depot at x = 0.
    // Tour 1, 2, 3 with 100 per unit of excess load:
    //   one route  [1 2 3]:   0→10→20→30→0 = 60, load 12, excess 2 → 60 + 2 × 100 = 260;
    //   two routes [1] [2 3]: 20 + 60 = 80, feasible; [1 2] [3]: 40 + 60 = 100;
    //   three routes:         20 + 40 + 60 = 120.
    private const double Penalty = 100;

    [Fact]
    public void Without_a_limit_the_split_takes_the_cheapest_segmentation()
    {
        var (split, indiv) = LineTour();

        split.Run(indiv, Penalty, 0);

        Assert.Equal(2, indiv.RouteCount);
        Assert.Equal(80, indiv.Distance);
        Assert.True(indiv.IsFeasible);
    }

    [Fact]
    public void A_route_limit_of_one_forces_the_whole_tour_into_one_overloaded_route()
    {
        var (split, indiv) = LineTour();

        split.Run(indiv, Penalty, 0, routeLimit: 1);

        Assert.Equal(1, indiv.RouteCount);
        Assert.Equal(60, indiv.Distance);
        Assert.Equal(2, indiv.ExcessLoad);
        Assert.Equal(260, indiv.PenalizedCost, 6);
    }

    [Fact]
    public void A_route_limit_above_the_instance_bound_changes_nothing()
    {
        var (split, indiv) = LineTour();

        split.Run(indiv, Penalty, 0, routeLimit: 1000);

        Assert.Equal(2, indiv.RouteCount);
        Assert.Equal(80, indiv.Distance);
    }

    private static (HgsSplit Split, HgsIndividual Indiv) LineTour()
    {
        var data = new HgsProblemAdapter(LineProblems.Build(capacity: 10)).Instance;
        var indiv = new HgsIndividual(data);
        indiv.Tour[0] = 1;
        indiv.Tour[1] = 2;
        indiv.Tour[2] = 3;
        return (new HgsSplit(data), indiv);
    }
}
