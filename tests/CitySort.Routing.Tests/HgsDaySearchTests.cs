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

    /// <summary>
    /// A line (distance |x_i − x_j|): the depot D at 0 and the facility F at 100; clients b1, b2, b3 at 90, 93, 96 and
    /// a1, a2, a3 at 104, 107, 110, demand 1 each; two vehicles of capacity 3 per trip.
    /// </summary>
    private static Problem TwoFullTrips()
    {
        var builder = new ProblemBuilder { Name = "two-full-trips" };
        builder.AddDepot(new Depot { Name = "D", X = 0, TimeWindow = new TimeWindow(Duration.Zero, new Duration(10_000)) });
        foreach (var (name, x) in new[] { ("b1", 90), ("b2", 93), ("b3", 96), ("a1", 104), ("a2", 107), ("a3", 110) })
        {
            builder.AddClient(new Client { Name = name, X = x, Demand = new Load(1) });
        }

        builder.AddFacility(new Facility { Name = "F", X = 100 });
        builder.AddVehicleType(new VehicleType { Count = 2, Capacity = new Load(3), UnloadingFacilities = [0] });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    [Fact]
    public void Trip_relocation_carries_a_full_trip_into_another_day()
    {
        // Start: day 1 = D b1 b2 b3 F D = 90 + 3 + 3 + 4 + 100 = 200; day 2 = D a1 a2 a3 F D = 104 + 3 + 3 + 10 + 100 =
        // 220; total 420. Each trip is full (3 of 3), so moving any one client into the other day overfills a trip:
        // the load penalty starts at longest arc / largest demand = 110 (D to a3) per unit, e.g. a1 after b3 gives
        // 208 + 110 + 220 = 538. With a new unload after it, a1 after b2 gives D b1 b2 a1 F b3 F D = 90 + 3 + 11 + 4 +
        // 4 + 4 + 100 = 216 and day 2 without a1 220: 436 > 420. Emptying a day puts 6 clients in one trip: excess 3,
        // 330 of penalty. Carrying the trip a1 a2 a3 behind an unload after b3 gives D b1 b2 b3 F a1 a2 a3 F D = 90 +
        // 3 + 3 + 4 + 4 + 3 + 3 + 10 + 100 = 220, the optimum (any one-day plan drives at least 90 out, 30 to cover
        // 90 … 110 with an unload between the trips and back to F, 100 home).
        var problem = TwoFullTrips();

        var without = new HgsDaySearch(problem, granularity: 5, seed: 1) { UseTripMoves = false };
        List<int>[] stuck = [[0, 1, 2], [3, 4, 5]];
        Assert.Equal(420, without.Improve(stuck));

        var search = new HgsDaySearch(problem, granularity: 5, seed: 1);
        List<int>[] days = [[0, 1, 2], [3, 4, 5]];
        var cost = search.Improve(days);

        Assert.Equal(220, cost);
        var merged = Assert.Single(days, d => d.Count > 0);
        Assert.Equal([0, 1, 2, 3, 4, 5], merged.Where(v => v >= 0).Order());
        Assert.Equal(1, merged.Count(v => v < 0));
        AssertAccepted(problem, days, cost);
    }

    /// <summary>
    /// A line: the depot D at 0, the facility F1 at 100 and F2 at −100; clients e1, e2, e3, e4 at 95, 97, 103, 105 and
    /// w1, w2, w3, w4 at −95, −97, −103, −105, demand 1 each; two vehicles carrying 2 per trip and at most 4 a day.
    /// </summary>
    private static Problem EastAndWest()
    {
        var builder = new ProblemBuilder { Name = "east-and-west" };
        builder.AddDepot(new Depot { Name = "D", X = 0, TimeWindow = new TimeWindow(Duration.Zero, new Duration(10_000)) });
        foreach (var (name, x) in new[] { ("e1", 95), ("e2", 97), ("e3", 103), ("e4", 105), ("w1", -95), ("w2", -97), ("w3", -103), ("w4", -105) })
        {
            builder.AddClient(new Client { Name = name, X = x, Demand = new Load(1) });
        }

        builder.AddFacility(new Facility { Name = "F1", X = 100 });
        builder.AddFacility(new Facility { Name = "F2", X = -100 });
        builder.AddVehicleType(new VehicleType { Count = 2, Capacity = new Load(2), MaxLoadPerDay = new Load(4), UnloadingFacilities = [0, 1] });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    [Fact]
    public void Trip_swap_sorts_trips_onto_the_days_of_their_side()
    {
        // Clients 0–3 are e1–e4, 4–7 are w1–w4; ~0 is an unload at F1. Start: day 1 = D e1 e2 F1 w3 w4 F2 D = 95 + 2 + 3
        // + 203 + 2 + 5 + 100 = 410; day 2 = D w1 w2 F1 e3 e4 F1 D = 95 + 2 + 197 + 3 + 2 + 5 + 100 = 404 (F1 between
        // w2 and e3 is a detour of 197 + 3 = 200, F2 of 3 + 203 = 206); total 814. Each client's two nearest clients
        // are on its own side, so the client moves between days only pair e1 or e2 with e3 and w1 or w2 with w3. Every
        // day is full (4 of 4), so a relocation pays the day-load penalty (longest arc / largest demand = 210 per
        // unit); swapping e2 and e3 gives D e1 e3 F1 w3 w4 F2 D = 95 + 8 + 3 + 203 + 2 + 5 + 100 = 416 and D w1 w2 F1 e2
        // e4 F1 D = 95 + 2 + 197 + 3 + 8 + 5 + 100 = 410, 826 > 814; a 2-opt* of such a pair leaves 5 or 6 in one day.
        // Swapping the trips w3 w4 and e3 e4 (or e1 e2 and w1 w2) with their unloads re-chosen gives D e1 e2 F1 e3 e4
        // F1 D = 95 + 2 + 3 + 3 + 2 + 5 + 100 = 210 and D w1 w2 F2 w3 w4 F2 D = 210: 420, the optimum (a day costs at
        // least 95 out, 10 across its side's clients, 5 to the facility and 100 home).
        var problem = EastAndWest();

        var without = new HgsDaySearch(problem, granularity: 2, seed: 1) { UseTripMoves = false };
        List<int>[] stuck = [[0, 1, ~0, 6, 7], [4, 5, ~0, 2, 3]];
        var stuckCost = without.Improve(stuck);
        Assert.True(stuckCost > 420, stuckCost + ": " + string.Join(" | ", stuck.Select(d => string.Join(",", d))));

        var search = new HgsDaySearch(problem, granularity: 2, seed: 1);
        List<int>[] days = [[0, 1, ~0, 6, 7], [4, 5, ~0, 2, 3]];
        var cost = search.Improve(days);

        Assert.Equal(420, cost);
        Assert.All(days, d => Assert.True(d.Where(v => v >= 0).All(v => v < 4) || d.Where(v => v >= 0).All(v => v >= 4), string.Join(",", d)));
        AssertAccepted(problem, days, cost);
    }

    /// <summary>The independent checker accepts the days as a solution (each trip closed at its unload, the last at the cheapest facility home) at <paramref name="cost"/>.</summary>
    private static void AssertAccepted(Problem problem, List<int>[] days, long cost)
    {
        var routes = new List<Route>();
        foreach (var day in days.Where(d => d.Count > 0))
        {
            var trips = new List<Trip>();
            var clients = new List<int>();
            foreach (var visit in day)
            {
                if (visit >= 0)
                {
                    clients.Add(visit);
                }
                else if (clients.Count > 0)
                {
                    trips.Add(new Trip(clients, problem.VehicleTypes[0].UnloadingFacilities[~visit]));
                    clients = [];
                }
            }

            if (clients.Count > 0)
            {
                var last = problem.ClientNode(clients[^1]);
                var home = problem.DepotNode(0);
                var facility = problem.VehicleTypes[0].UnloadingFacilities
                    .MinBy(f => problem.Distance(last, problem.FacilityNode(f)).Value + problem.Distance(problem.FacilityNode(f), home).Value);
                trips.Add(new Trip(clients, facility));
            }

            routes.Add(new Route(0, trips));
        }

        var check = SolutionChecker.Check(problem, Solution.FromRoutes(problem, routes));
        Assert.True(check.IsFeasible, check.FirstViolation);
        Assert.Equal(cost, check.Cost.Value);
    }

    /// <summary>
    /// A line (distance and travel time |x_i − x_j|, no service times): the depot D and the facility F at 0, shift
    /// 0 … 1000; P1 at 100 (window 0 … 100), P2 at 110 (500 … 600), Q at −100 (0 … 300); demand 1, capacity 10.
    /// </summary>
    private static Problem EarlyAndLate(long fixedCost)
    {
        var builder = new ProblemBuilder { Name = "early-and-late" };
        builder.AddDepot(new Depot { Name = "D", X = 0, TimeWindow = new TimeWindow(Duration.Zero, new Duration(1000)) });
        builder.AddClient(new Client { Name = "P1", X = 100, Demand = new Load(1), TimeWindow = new TimeWindow(Duration.Zero, new Duration(100)) });
        builder.AddClient(new Client { Name = "P2", X = 110, Demand = new Load(1), TimeWindow = new TimeWindow(new Duration(500), new Duration(600)) });
        builder.AddClient(new Client { Name = "Q", X = -100, Demand = new Load(1), TimeWindow = new TimeWindow(Duration.Zero, new Duration(300)) });
        builder.AddFacility(new Facility { Name = "F", X = 0 });
        builder.AddVehicleType(new VehicleType { Count = 3, Capacity = new Load(10), UnloadingFacilities = [0], FixedCost = new Distance(fixedCost) });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_fixed_cost_per_vehicle_trades_distance_for_fewer_trucks(int seed)
    {
        // Two trucks: D P1 P2 F D = 100 + 10 + 110 = 220 (P1 at 100, P2 waits to 500) and D Q F D = 200: 420. The other
        // splits drive 620 (D P1 Q F D = 400 with D P2 F D = 220; D Q P2 F D = 420 with D P1 F D = 200; three trucks
        // 200 + 220 + 200). One truck must go P1 (at 100), Q (at 300), P2 (at 510): 100 + 200 + 210 + 110 = 620; every
        // other order is late (Q first puts P1 at 200 or later, P2 before Q puts Q at 710). Without a fixed cost the
        // best is 420 with two trucks; at 300 a truck, one truck costs 620 + 300 = 920 and two 420 + 600 = 1020.
        var free = EarlyAndLate(0);
        var plain = new HgsSolver().Solve(free, StopCriterion.AfterIterations(200), seed, null, null, CancellationToken.None);
        var plainCheck = SolutionChecker.Check(free, plain);
        Assert.True(plainCheck.IsFeasible, plainCheck.FirstViolation);
        Assert.Equal(420, plainCheck.Cost.Value);
        Assert.Equal(2, plain.Routes.Count);

        var priced = EarlyAndLate(300);
        var fewer = new HgsSolver().Solve(priced, StopCriterion.AfterIterations(200), seed, null, null, CancellationToken.None);
        var fewerCheck = SolutionChecker.Check(priced, fewer);
        Assert.True(fewerCheck.IsFeasible, fewerCheck.FirstViolation);
        Assert.Equal(920, fewerCheck.Cost.Value);
        Assert.Single(fewer.Routes);
    }
}
