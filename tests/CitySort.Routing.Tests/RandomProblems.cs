using FsCheck;
using FsCheck.Fluent;

namespace CitySort.Routing.Tests;

/// <summary>One client of a random small problem; the window closes no earlier than 150 so every client can be served alone.</summary>
public sealed record ClientSpec(int X, int Y, int Demand, int Earliest, int Width, int Service);

/// <summary>A random small problem: coordinates in [0, 100], depot at (50, 50) open [0, 1000].</summary>
public sealed record RandomProblemSpec(ClientSpec[] Clients, int Capacity, bool TimeWindows, bool Facility, int FleetSize)
{
    public override string ToString() =>
        $"capacity {Capacity}, windows {TimeWindows}, facility {Facility}, fleet {FleetSize}, clients " +
        string.Join("; ", Clients.Select(c => $"({c.X},{c.Y}) d{c.Demand} [{c.Earliest}+{c.Width}] s{c.Service}"));
}

/// <summary>A candidate solution for a random problem: a client order, where routes and trips break, and a defect to inject.</summary>
public sealed record CandidateSpec(RandomProblemSpec Problem, int[] Order, bool[] BreakRoute, bool[] BreakTrip, int Defect, int DefectAt)
{
    public override string ToString() =>
        $"{Problem} | order {string.Join(' ', Order)} | routes {string.Join("", BreakRoute.Select(b => b ? '|' : '.'))} | trips {string.Join("", BreakTrip.Select(b => b ? '|' : '.'))} | defect {Defect}@{DefectAt}";
}

/// <summary>FsCheck generators of small routing problems and candidate solutions.</summary>
public static class RandomProblems
{
    public static Arbitrary<RandomProblemSpec> Problems() => Arb.From(ProblemGen);

    public static Arbitrary<CandidateSpec> Candidates() => Arb.From(CandidateGen);

    public static Gen<ClientSpec> ClientGen =>
        from x in Gen.Choose(0, 100)
        from y in Gen.Choose(0, 100)
        from demand in Gen.Choose(0, 10)
        from earliest in Gen.Choose(0, 300)
        from width in Gen.Choose(0, 300)
        from service in Gen.Choose(0, 20)
        select new ClientSpec(x, y, demand, earliest, width, service);

    public static Gen<RandomProblemSpec> ProblemGen =>
        from n in Gen.Choose(1, 10)
        from clients in Gen.ArrayOf(ClientGen, n)
        from capacity in Gen.Choose(10, 30)
        from windows in Gen.Elements(true, false)
        from facility in Gen.Elements(true, false)
        from fleet in Gen.Elements(1, 2, 3, 5, int.MaxValue)
        select new RandomProblemSpec(clients, capacity, windows, facility, fleet);

    public static Gen<CandidateSpec> CandidateGen =>
        from problem in ProblemGen
        from order in Gen.Shuffle(Enumerable.Range(0, problem.Clients.Length))
        from breakRoute in Gen.ArrayOf(Gen.Elements(true, false, false), problem.Clients.Length)
        from breakTrip in Gen.ArrayOf(Gen.Elements(true, false, false), problem.Clients.Length)
        from defect in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
        from defectAt in Gen.Choose(0, problem.Clients.Length - 1)
        select new CandidateSpec(problem, order, breakRoute, breakTrip, defect, defectAt);

    /// <summary>Builds the problem: depot 0 at (50, 50); with a facility, "F" at (0, 0) accepted, and "G" at (100, 100) not accepted.</summary>
    public static Problem Build(RandomProblemSpec spec)
    {
        var builder = new ProblemBuilder { Name = "random" };
        builder.AddDepot(new Depot { Name = "depot", X = 50, Y = 50, TimeWindow = new TimeWindow(Duration.Zero, new Duration(1000)) });
        for (var i = 0; i < spec.Clients.Length; i++)
        {
            var c = spec.Clients[i];
            builder.AddClient(new Client
            {
                Name = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                X = c.X,
                Y = c.Y,
                Demand = new Load(c.Demand),
                ServiceDuration = new Duration(c.Service),
                TimeWindow = spec.TimeWindows ? new TimeWindow(new Duration(c.Earliest), new Duration(Math.Max(150, c.Earliest + c.Width))) : null,
            });
        }

        if (spec.Facility)
        {
            builder.AddFacility(new Facility { Name = "F", X = 0, Y = 0, ServiceDuration = new Duration(5) });
            builder.AddFacility(new Facility { Name = "G", X = 100, Y = 100, ServiceDuration = new Duration(5) });
        }

        builder.AddVehicleType(new VehicleType
        {
            Capacity = new Load(spec.Capacity),
            Count = spec.FleetSize,
            UnloadingFacilities = spec.Facility ? [0] : [],
        });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    /// <summary>The candidate solution, with its defect: 1 drops a client, 2 serves one twice, 3 unloads at the refusing facility.</summary>
    public static Solution BuildCandidate(Problem problem, CandidateSpec spec)
    {
        var order = spec.Order.ToList();
        if (spec.Defect == 1)
        {
            order.RemoveAt(spec.DefectAt);
        }
        else if (spec.Defect == 2)
        {
            order.Insert(order.Count - spec.DefectAt, order[spec.DefectAt]);
        }

        var routes = new List<Route>();
        var trips = new List<Trip>();
        var current = new List<int>();
        int? Unload() => spec.Problem.Facility ? (spec.Defect == 3 ? 1 : 0) : null;
        for (var k = 0; k < order.Count; k++)
        {
            current.Add(order[k]);
            var last = k == order.Count - 1;
            var newRoute = last || spec.BreakRoute[k % spec.BreakRoute.Length];
            var newTrip = spec.Problem.Facility && spec.BreakTrip[k % spec.BreakTrip.Length];
            if (newRoute || newTrip)
            {
                trips.Add(new Trip(current, Unload()));
                current = [];
            }

            if (newRoute)
            {
                routes.Add(new Route(0, trips));
                trips = [];
            }
        }

        return Solution.FromRoutes(problem, routes);
    }
}
