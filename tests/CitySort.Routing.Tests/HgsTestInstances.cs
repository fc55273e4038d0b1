using CitySort.Routing;

namespace CitySort.Routing.Tests;

/// <summary>Small problems for the hybrid genetic search tests, generated from a seed.</summary>
internal static class HgsTestInstances
{
    /// <summary>
    /// A random single-depot problem on a 100 × 100 grid (distances rounded to the nearest integer). With time windows,
    /// each client's window is wide enough to be served alone from the depot, so a feasible solution always exists
    /// when the fleet is at least the number of clients.
    /// </summary>
    public static Problem Random(int seed, int clients, bool timeWindows, int? vehicles = null)
    {
        var random = new Random(seed);
        var builder = new ProblemBuilder { Name = $"random-{seed}" };
        const long horizon = 1000;
        builder.AddDepot(new Depot { X = 50, Y = 50, TimeWindow = timeWindows ? new TimeWindow(Duration.Zero, new Duration(horizon)) : TimeWindow.Unbounded });
        for (var i = 0; i < clients; i++)
        {
            var x = random.Next(0, 101);
            var y = random.Next(0, 101);
            TimeWindow? window = null;
            if (timeWindows)
            {
                // Direct trip length is at most about 71 each way; keep the window inside [71, horizon - 71 - service].
                var open = random.Next(80, 700);
                window = new TimeWindow(new Duration(open), new Duration(open + random.Next(30, 200)));
            }

            builder.AddClient(new Client
            {
                Name = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                X = x,
                Y = y,
                Demand = new Load(random.Next(1, 10)),
                ServiceDuration = new Duration(timeWindows ? 10 : 0),
                TimeWindow = window,
            });
        }

        builder.AddVehicleType(new VehicleType { Capacity = new Load(20), Count = vehicles ?? int.MaxValue });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    /// <summary>
    /// A random problem with two unloading facilities that both accept the two vehicles (capacity 20, any number of
    /// trips), a shift of 100 000 and clients of demand 1 … 9 without windows: always feasible.
    /// </summary>
    public static Problem RandomWithFacilities(int seed, int clients)
    {
        var random = new Random(seed);
        var builder = new ProblemBuilder { Name = $"trips-{seed}" };
        builder.AddDepot(new Depot { X = 50, Y = 50, TimeWindow = new TimeWindow(Duration.Zero, new Duration(100_000)) });
        for (var i = 0; i < clients; i++)
        {
            builder.AddClient(new Client { X = random.Next(0, 101), Y = random.Next(0, 101), Demand = new Load(random.Next(1, 10)), ServiceDuration = new Duration(5) });
        }

        builder.AddFacility(new Facility { Name = "north", X = random.Next(0, 101), Y = 100, ServiceDuration = new Duration(20) });
        builder.AddFacility(new Facility { Name = "south", X = random.Next(0, 101), Y = 0, ServiceDuration = new Duration(20) });
        builder.AddVehicleType(new VehicleType { Capacity = new Load(20), Count = 2, UnloadingFacilities = [0, 1] });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        return builder.Build();
    }

    /// <summary>
    /// A random capacity-only problem with an asymmetric distance matrix (each arc 1 … 100 independently), as road
    /// networks with one-way streets give.
    /// </summary>
    public static Problem RandomAsymmetric(int seed, int clients)
    {
        var random = new Random(seed);
        var builder = new ProblemBuilder { Name = $"asym-{seed}" };
        builder.AddDepot(new Depot { X = 50, Y = 50 });
        for (var i = 0; i < clients; i++)
        {
            builder.AddClient(new Client { X = random.Next(0, 101), Y = random.Next(0, 101), Demand = new Load(random.Next(1, 10)) });
        }

        var size = clients + 1;
        var matrix = new long[size, size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                matrix[i, j] = i == j ? 0 : random.Next(1, 101);
            }
        }

        builder.AddVehicleType(new VehicleType { Capacity = new Load(20) });
        builder.SetDistanceMatrix(matrix);
        return builder.Build();
    }

    /// <summary>
    /// The optimum of a capacity-only problem by enumeration: every order of the clients, each split optimally into
    /// routes by dynamic programming (every solution is some order split into consecutive routes).
    /// </summary>
    public static long EnumeratedOptimum(Problem problem)
    {
        var n = problem.Clients.Count;
        var capacity = problem.VehicleTypes[0].Capacity.Value;
        var order = Enumerable.Range(0, n).ToArray();
        var best = long.MaxValue;
        var potential = new long[n + 1];
        do
        {
            Array.Fill(potential, long.MaxValue);
            potential[0] = 0;
            for (var i = 0; i < n; i++)
            {
                long load = 0;
                long length = 0;
                for (var j = i; j < n; j++)
                {
                    var node = problem.ClientNode(order[j]);
                    load += problem.Clients[order[j]].Demand.Value;
                    if (load > capacity)
                    {
                        break;
                    }

                    length += j == i ? problem.Distance(0, node).Value : problem.Distance(problem.ClientNode(order[j - 1]), node).Value;
                    var total = potential[i] + length + problem.Distance(node, 0).Value;
                    potential[j + 1] = Math.Min(potential[j + 1], total);
                }
            }

            best = Math.Min(best, potential[n]);
        }
        while (NextPermutation(order));

        return best;
    }

    private static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        var j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }
}
