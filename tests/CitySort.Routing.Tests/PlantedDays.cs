namespace CitySort.Routing.Tests;

/// <summary>
/// Multi-trip vehicle days with a known feasible plan, generated from a seed: k vehicles, each making a few trips of
/// clients clustered around a point, every trip unloading at one of several facilities and the day ending at the
/// depot; a meal break taken at the first gap after its window opens; client windows around the planted service
/// starts, the shift closing shortly after the latest planted return, and the day limits set to the planted days'
/// largest load and client count; the fleet is exactly k. Distances are Euclidean rounded to the nearest integer; travel time equals distance.
/// </summary>
internal static class PlantedDays
{
    /// <summary>A generated instance and its planted plan.</summary>
    public sealed record Instance(Problem Problem, Solution Planted);

    /// <summary>
    /// Generates an instance. <paramref name="tripsPerVehicle"/> gives the trips of each vehicle and
    /// <paramref name="tripSizes"/> the clients of each trip in turn (cycled); each trip's demand adds up to exactly the
    /// capacity (every client at least 1), so the planted trips are full truckloads.
    /// </summary>
    public static Instance Generate(
        int seed,
        int[] tripsPerVehicle,
        int facilities,
        int[] tripSizes,
        long capacity,
        bool withBreak,
        bool clientWindows,
        int shiftMargin)
    {
        var random = new Random(seed);
        var tripNumber = 0;
        var builder = new ProblemBuilder { Name = $"planted-{seed}" };
        var depot = (X: 0, Y: 0);
        var facilitySites = Enumerable.Range(0, facilities).Select(_ => (X: random.Next(-60, 61), Y: random.Next(-60, 61))).ToArray();
        var clientSites = new List<(int X, int Y, long Demand)>();
        var plan = new List<List<(List<int> Clients, int Facility)>>();
        foreach (var trips in tripsPerVehicle)
        {
            var day = new List<(List<int>, int)>();
            for (var t = 0; t < trips; t++)
            {
                var (cx, cy) = (random.Next(-80, 81), random.Next(-80, 81));
                var clients = new List<int>();
                var size = tripSizes[tripNumber++ % tripSizes.Length];
                var demands = Enumerable.Repeat(1L, size).ToArray();
                for (var extra = capacity - size; extra > 0; extra--)
                {
                    demands[random.Next(size)]++;
                }

                foreach (var demand in demands)
                {
                    clients.Add(clientSites.Count);
                    clientSites.Add((cx + random.Next(-15, 16), cy + random.Next(-15, 16), demand));
                }

                day.Add((clients, random.Next(facilities)));
            }

            plan.Add(day);
        }

        long Arc((int X, int Y) a, (int X, int Y) b) =>
            ProblemBuilder.EuclideanArc(a.X - b.X, a.Y - b.Y, EuclideanConvention.RoundNearest);

        // Time the planted days: service 5 at clients, unloading 10, the break of 30 at the first gap whose departure
        // is at or after its window's opening.
        const long service = 5;
        const long unloading = 10;
        const long breakDuration = 30;
        var breakOpens = withBreak ? 120L : 0L;
        var starts = new long[clientSites.Count];
        long latestBreakStart = breakOpens;
        long latestReturn = 0;
        long maxDayLoad = 0;
        var maxDayClients = 0;
        foreach (var day in plan)
        {
            var stops = new List<((int X, int Y) Site, int Client)>();
            foreach (var (clients, facility) in day)
            {
                stops.AddRange(clients.Select(c => ((clientSites[c].X, clientSites[c].Y), c)));
                stops.Add((facilitySites[facility], -1));
            }

            var at = depot;
            long time = 0;
            var breakTaken = !withBreak;
            for (var g = 0; g <= stops.Count; g++)
            {
                var next = g < stops.Count ? stops[g].Site : depot;
                var arrival = time + Arc(at, next);
                if (!breakTaken && time >= breakOpens)
                {
                    latestBreakStart = Math.Max(latestBreakStart, time);
                    arrival += breakDuration;
                    breakTaken = true;
                }

                if (g == stops.Count)
                {
                    latestReturn = Math.Max(latestReturn, arrival);
                    break;
                }

                if (stops[g].Client >= 0)
                {
                    starts[stops[g].Client] = arrival;
                }

                time = arrival + (stops[g].Client >= 0 ? service : unloading);
                at = next;
            }

            maxDayLoad = Math.Max(maxDayLoad, day.Sum(t => t.Item1.Sum(c => clientSites[c].Demand)));
            maxDayClients = Math.Max(maxDayClients, day.Sum(t => t.Item1.Count));
        }

        builder.AddDepot(new Depot { Name = "depot", X = depot.X, Y = depot.Y, TimeWindow = new TimeWindow(Duration.Zero, new Duration(latestReturn + shiftMargin)) });
        for (var c = 0; c < clientSites.Count; c++)
        {
            TimeWindow? window = clientWindows
                ? new TimeWindow(new Duration(Math.Max(0, starts[c] - random.Next(0, 40))), new Duration(starts[c] + random.Next(0, 40)))
                : null;
            builder.AddClient(new Client
            {
                Name = (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                X = clientSites[c].X,
                Y = clientSites[c].Y,
                Demand = new Load(clientSites[c].Demand),
                ServiceDuration = new Duration(service),
                TimeWindow = window,
            });
        }

        for (var f = 0; f < facilities; f++)
        {
            builder.AddFacility(new Facility { Name = "F" + f, X = facilitySites[f].X, Y = facilitySites[f].Y, ServiceDuration = new Duration(unloading) });
        }

        builder.AddVehicleType(new VehicleType
        {
            Capacity = new Load(capacity),
            Count = tripsPerVehicle.Length,
            UnloadingFacilities = Enumerable.Range(0, facilities).ToArray(),
            MaxLoadPerDay = new Load(maxDayLoad),
            MaxClientsPerDay = maxDayClients,
            Break = withBreak
                ? new VehicleBreak { Duration = new Duration(breakDuration), StartWindow = new TimeWindow(new Duration(breakOpens), new Duration(latestBreakStart)) }
                : null,
        });
        builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        var problem = builder.Build();
        var routes = plan.Select(day => new Route(0, day.Select(t => new Trip(t.Item1, t.Item2)))).ToList();
        return new Instance(problem, Solution.FromRoutes(problem, routes));
    }

    /// <summary>
    /// The case of the 40 clients: one facility, total demand three truckloads, two vehicles and a planted three-trip
    /// plan (two trips for the first vehicle, one for the second) under a shift that closes 5 after the planted return.
    /// </summary>
    public static Instance FortyClients(int seed) =>
        // Trips of 13, 14 and 13 clients, each a full load of 40: 40 clients, total demand 3 × 40 = three truckloads.
        Generate(seed, [2, 1], facilities: 1, tripSizes: [13, 14, 13], capacity: 40, withBreak: false, clientWindows: false, shiftMargin: 5);
}
