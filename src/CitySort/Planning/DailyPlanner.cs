using System.Globalization;
using CitySort.Policy;
using CitySort.Routing;
using CitySort.Routing.Hgs;

namespace CitySort.Planning;

/// <summary>
/// Turns one <see cref="PlanningGroup"/> into a <see cref="DailyPlan"/>: builds the routing problem of whole vehicle
/// days (one depot with the shift as its time window, where every vehicle starts and ends; the due sites as clients;
/// the accepting facilities as unloading facilities; the area's vehicles as one vehicle type with their count, the
/// smallest capacity among them and the crews' meal break of the profile setting <c>mealBreak</c>), solves it with
/// <see cref="HgsSolver"/>, verifies the result with <see cref="SolutionChecker"/>, and translates routes back into
/// trips with times, the meal break included. Sites that are not served are listed with the reason, never dropped
/// silently: a site holding more than a trip carries; a site that even alone cannot be served within the shift; and,
/// when the search finds no feasible plan for all the rest within its time limit, those farthest from the depot and
/// facilities, with the reason "no feasible plan found within N s": the largest set of the nearest sites that the
/// checker accepts is found by bisection with searches of a quarter of the time limit, then planned with the full
/// limit. That is the limit of the search, not a proof that the vehicles cannot serve them. CPU-bound and synchronous.
/// </summary>
/// <param name="time">The clock stamping <see cref="DailyPlan.PlannedAtUtc"/>.</param>
public sealed class DailyPlanner(TimeProvider time)
{
    private readonly HgsSolver solver = new();

    /// <summary>Plans <paramref name="group"/>.</summary>
    /// <param name="group">The area's vehicles, depot, facilities, due sites and rules.</param>
    /// <param name="matrix">Travel over <see cref="PlanningGroup.Points"/>.</param>
    /// <param name="options">Solver limits and seed.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The plan; every trip within capacity, ending at an accepting facility, and every vehicle back by the end of the shift.</returns>
    /// <exception cref="ArgumentException">The group has no vehicle or no facility, or the matrix does not match its points.</exception>
    /// <exception cref="InvalidOperationException">The solver returned a plan the checker rejects with no site left to drop (a bug).</exception>
    public DailyPlan Plan(PlanningGroup group, TravelMatrix matrix, PlanningOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        if (group.Vehicles.Count == 0 || group.Facilities.Count == 0)
        {
            throw new ArgumentException("A plan needs at least one vehicle and one facility.", nameof(group));
        }

        var siteCount = group.DueSites.Count;
        var facilityCount = group.Facilities.Count;
        var n = 1 + siteCount + facilityCount;
        if (matrix.Size != n || matrix.DurationSeconds.GetLength(0) != n)
        {
            throw new ArgumentException($"The travel matrix has {matrix.Size} points but the group has {n}.", nameof(matrix));
        }

        var rules = group.Rules;
        var plates = group.Vehicles.Select(v => v.Plate).Order(StringComparer.Ordinal).ToArray();
        var capacity = group.Vehicles.Min(v => v.CapacityKg);
        var start = Seconds(rules.ShiftStart);
        var end = Seconds(rules.ShiftEnd);
        var meal = group.MealBreak;
        long T(int i, int j) => matrix.DurationSeconds[i, j];
        int SiteNode(int i) => 1 + i;
        int FacilityNode(int f) => 1 + siteCount + f;

        var unserved = new List<UnservedSite>();
        var candidates = new List<int>();
        for (var i = 0; i < siteCount; i++)
        {
            var site = group.DueSites[i];
            if (site.DemandKg > capacity)
            {
                unserved.Add(Unserved(site, UnservedReason.TooHeavy(site.DemandKg, capacity)));
                continue;
            }

            var i1 = i;
            var alone = start + T(0, SiteNode(i)) + rules.ServiceSecondsPerStop
                + Enumerable.Range(0, facilityCount).Min(f => T(SiteNode(i1), FacilityNode(f)) + rules.UnloadingSeconds + T(FacilityNode(f), 0));
            if (meal is not null && alone > Seconds(meal.LatestStart))
            {
                // Still out after the latest break start: the break comes on top.
                alone += meal.DurationSeconds;
            }

            if (alone > end)
            {
                unserved.Add(Unserved(site, UnservedReason.TooFar(Clock(end), Clock(alone))));
                continue;
            }

            candidates.Add(i);
        }

        Solution? Attempt(List<int> order, int count, StopCriterion limit)
        {
            if (count == 0)
            {
                return null;
            }

            var subset = order.Take(count).Order().ToList();
            var problem = Build(group, matrix, subset, plates.Length, capacity, start, end);
            var result = solver.Solve(problem, limit, options.Seed, null, null, cancellationToken);
            return SolutionChecker.Check(problem, result).IsFeasible ? result : null;
        }

        var stop = Stop(options, options.TimeLimitPerPlan);
        var probe = Stop(options, options.TimeLimitPerPlan / 4);
        // Not a proof that the vehicles cannot serve the site: the search, within its time limit, found no checked
        // plan that serves it together with the nearer sites (docs/planning.md, "Solving, checking, unserved sites").
        var limitSeconds = options.TimeLimitPerPlan.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        string Reason(int nearer) => UnservedReason.SearchLimit(limitSeconds, nearer, plates.Length, group.Category, Clock(end), meal?.DurationMinutes);

        // Nearest first: when no plan serving every site is found, the farthest are left out.
        var ordered = candidates
            .OrderBy(i => T(0, SiteNode(i)) + Enumerable.Range(0, facilityCount).Min(f => T(SiteNode(i), FacilityNode(f))))
            .ThenBy(i => group.DueSites[i].SiteCode, StringComparer.Ordinal)
            .ToList();
        var kept = ordered.Count;
        var solution = Attempt(ordered, kept, stop);
        if (solution is null && kept > 0)
        {
            // Largest feasible prefix by bisection with short probes; 0 sites is always feasible.
            var feasible = 0;
            var infeasible = kept;
            while (infeasible - feasible > 1)
            {
                var middle = feasible + ((infeasible - feasible) / 2);
                if (Attempt(ordered, middle, probe) is not null)
                {
                    feasible = middle;
                }
                else
                {
                    infeasible = middle;
                }
            }

            kept = feasible;
            solution = Attempt(ordered, kept, stop);
            while (solution is null && kept > 0)
            {
                kept -= Math.Max(1, kept / 20);
                solution = Attempt(ordered, kept, stop);
            }

            foreach (var i in ordered.Skip(kept))
            {
                unserved.Add(Unserved(group.DueSites[i], Reason(kept)));
            }
        }

        var served = ordered.Take(kept).Order().ToList();
        if (served.Count > 0 && solution is null)
        {
            throw new InvalidOperationException($"No checked plan for {group.AreaCode} {group.Category} {group.Date:yyyy-MM-dd}.");
        }

        var plan = new DailyPlan
        {
            IsIllustrative = group.IncludesIllustrative,
            Date = group.Date,
            AreaCode = group.AreaCode,
            DistrictCode = group.DistrictCode,
            Category = group.Category,
            ProfileId = group.ProfileId,
            ProfileVersion = group.ProfileVersion,
            PlannedAtUtc = time.GetUtcNow(),
            DepotName = group.Depot.Name,
            DepotLongitude = group.Depot.Location.Longitude,
            DepotLatitude = group.Depot.Location.Latitude,
            ShiftStart = rules.ShiftStart,
            ShiftEnd = rules.ShiftEnd,
            VehicleCount = plates.Length,
            CapacityKg = capacity,
            DueSiteCount = siteCount,
            Seed = options.Seed,
            Unserved = unserved.OrderBy(u => u.SiteCode, StringComparer.Ordinal).ToList(),
        };
        if (solution is not null)
        {
            Translate(group, matrix, served, solution, plates, plan);
        }

        plan.TotalLoadKg = plan.Trips.Sum(t => t.LoadKg);
        plan.TotalDistanceMetres = plan.Trips.Sum(t => t.DistanceMetres);
        return plan;
    }

    /// <summary>
    /// The plan of a group that cannot be planned at all (no dedicated vehicle of the category in the area, or no
    /// facility accepting it): no trips, and every due site unserved with <paramref name="reason"/>, so that the
    /// summary, the API and the stored plan count them (issue 10 defect 6).
    /// </summary>
    /// <param name="group">The group; its vehicles or facilities may be empty.</param>
    /// <param name="reason">Why no site can be served, in words a clerk understands.</param>
    /// <param name="options">The solver settings (for the seed recorded).</param>
    /// <returns>The plan.</returns>
    public DailyPlan Unplanned(PlanningGroup group, string reason, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(options);
        return new DailyPlan
        {
            Date = group.Date,
            AreaCode = group.AreaCode,
            DistrictCode = group.DistrictCode,
            Category = group.Category,
            ProfileId = group.ProfileId,
            ProfileVersion = group.ProfileVersion,
            PlannedAtUtc = time.GetUtcNow(),
            DepotName = group.Depot.Name,
            DepotLongitude = group.Depot.Location.Longitude,
            DepotLatitude = group.Depot.Location.Latitude,
            ShiftStart = group.Rules.ShiftStart,
            ShiftEnd = group.Rules.ShiftEnd,
            VehicleCount = group.Vehicles.Count,
            CapacityKg = group.Vehicles.Count == 0 ? 0 : group.Vehicles.Min(v => v.CapacityKg),
            DueSiteCount = group.DueSites.Count,
            Seed = options.Seed,
            Unserved = group.DueSites.Select(s => Unserved(s, reason)).OrderBy(u => u.SiteCode, StringComparer.Ordinal).ToList(),
        };
    }

    private static StopCriterion Stop(PlanningOptions options, TimeSpan limit) => new()
    {
        MaxRuntime = limit,
        MaxIterationsWithoutImprovement = options.MaxIterationsWithoutImprovement,
        MaxIterations = options.MaxIterations,
    };

    private static Problem Build(PlanningGroup group, TravelMatrix matrix, List<int> served, int vehicles, int capacity, long start, long end)
    {
        var builder = new ProblemBuilder { Name = $"{group.AreaCode} {group.Category} {group.Date:yyyy-MM-dd}" };
        builder.AddDepot(new Depot
        {
            Name = group.Depot.Name,
            X = group.Depot.Location.Longitude,
            Y = group.Depot.Location.Latitude,
            TimeWindow = new TimeWindow(new Duration(start), new Duration(end)),
        });
        foreach (var i in served)
        {
            var site = group.DueSites[i];
            builder.AddClient(new Client
            {
                Name = site.SiteCode,
                X = site.Location.Longitude,
                Y = site.Location.Latitude,
                Demand = new Load(site.DemandKg),
                ServiceDuration = new Duration(group.Rules.ServiceSecondsPerStop),
            });
        }

        foreach (var f in group.Facilities)
        {
            builder.AddFacility(new Routing.Facility
            {
                Name = f.Code,
                X = f.Longitude,
                Y = f.Latitude,
                ServiceDuration = new Duration(group.Rules.UnloadingSeconds),
            });
        }

        builder.AddVehicleType(new VehicleType
        {
            Name = group.Category.ToString(),
            DepotIndex = 0,
            Capacity = new Load(capacity),
            Count = vehicles,
            UnloadingFacilities = Enumerable.Range(0, group.Facilities.Count).ToArray(),
            Break = group.MealBreak is { } meal
                ? new VehicleBreak
                {
                    Duration = new Duration(meal.DurationSeconds),
                    StartWindow = new TimeWindow(new Duration(Seconds(meal.EarliestStart)), new Duration(Seconds(meal.LatestStart))),
                }
                : null,
        });

        var nodes = new List<int> { 0 };
        nodes.AddRange(served.Select(i => 1 + i));
        nodes.AddRange(Enumerable.Range(0, group.Facilities.Count).Select(f => 1 + group.DueSites.Count + f));
        var size = nodes.Count;
        var distances = new long[size, size];
        var durations = new long[size, size];
        for (var a = 0; a < size; a++)
        {
            for (var b = 0; b < size; b++)
            {
                distances[a, b] = matrix.DistanceMetres[nodes[a], nodes[b]];
                durations[a, b] = matrix.DurationSeconds[nodes[a], nodes[b]];
            }
        }

        return builder.SetDistanceMatrix(distances).SetDurationMatrix(durations).Build();
    }

    private static void Translate(PlanningGroup group, TravelMatrix matrix, List<int> served, Solution solution, string[] plates, DailyPlan plan)
    {
        var rules = group.Rules;
        var siteCount = group.DueSites.Count;
        for (var r = 0; r < solution.Routes.Count; r++)
        {
            var route = solution.Routes[r];
            // The day's visits in order (depot, stops, facility, …, facility, depot) and their service seconds.
            var nodes = new List<int> { 0 };
            var services = new List<long> { 0 };
            foreach (var trip in route.Trips)
            {
                foreach (var c in trip.Clients)
                {
                    nodes.Add(1 + served[c]);
                    services.Add(rules.ServiceSecondsPerStop);
                }

                nodes.Add(1 + siteCount + (trip.FacilityIndex ?? throw new InvalidOperationException("A checked trip of a vehicle with facilities ends at a facility.")));
                services.Add(rules.UnloadingSeconds);
            }

            nodes.Add(0);
            services.Add(0);
            var arrivals = Schedule(matrix, nodes, services, Seconds(rules.ShiftStart), group.MealBreak);
            var visit = 0;
            for (var k = 0; k < route.Trips.Count; k++)
            {
                var trip = route.Trips[k];
                var facility = group.Facilities[trip.FacilityIndex!.Value];
                var planned = new PlannedTrip
                {
                    VehiclePlate = plates[r],
                    VehicleTrip = k + 1,
                    FacilityCode = facility.Code,
                    FacilityName = facility.Name,
                    FacilityLongitude = facility.Longitude,
                    FacilityLatitude = facility.Latitude,
                    DepartsAt = Time(arrivals[visit] + services[visit]),
                };
                var sequence = 0;
                foreach (var c in trip.Clients)
                {
                    var site = group.DueSites[served[c]];
                    planned.DistanceMetres += matrix.DistanceMetres[nodes[visit], nodes[visit + 1]];
                    visit++;
                    planned.Stops.Add(new PlannedStop
                    {
                        Sequence = ++sequence,
                        SiteCode = site.SiteCode,
                        SiteName = site.SiteName,
                        Longitude = site.Location.Longitude,
                        Latitude = site.Location.Latitude,
                        DemandKg = site.DemandKg,
                        ArrivesAt = Time(arrivals[visit]),
                    });
                    planned.LoadKg += site.DemandKg;
                }

                planned.DistanceMetres += matrix.DistanceMetres[nodes[visit], nodes[visit + 1]];
                visit++;
                planned.UnloadsAt = Time(arrivals[visit]);
                planned.UnloadedAt = Time(arrivals[visit] + services[visit]);
                if (k == route.Trips.Count - 1)
                {
                    planned.DistanceMetres += matrix.DistanceMetres[nodes[visit], nodes[visit + 1]];
                    planned.ReturnsToDepotAt = Time(arrivals[visit + 1]);
                }

                plan.Trips.Add(planned);
            }
        }

        plan.Trips = plan.Trips.OrderBy(t => t.VehiclePlate, StringComparer.Ordinal).ThenBy(t => t.VehicleTrip).ToList();
    }

    /// <summary>
    /// The arrival second at each visit of a day (index 0: the departure from the depot at <paramref name="start"/>).
    /// No site or facility has a window in a plan, so service starts on arrival. With a meal break, when the vehicle
    /// would be back after the latest break start, the break goes into the first gap between two visits that the
    /// vehicle leaves by the latest start and whose next arrival would be at or after the earliest start (so the break
    /// costs its duration and no waiting), else into the last gap it leaves by the latest start (waiting for the
    /// earliest start); the next arrival is then max(departure + travel, earliest start) + duration, the rule of
    /// <see cref="SolutionChecker"/> (docs/routing.md, "Elements").
    /// </summary>
    private static long[] Schedule(TravelMatrix matrix, List<int> nodes, List<long> services, long start, MealBreakRule? meal)
    {
        var arrivals = new long[nodes.Count];
        long[] Walk(int breakGap)
        {
            arrivals[0] = start;
            for (var k = 1; k < nodes.Count; k++)
            {
                var departure = arrivals[k - 1] + services[k - 1];
                var arrival = departure + matrix.DurationSeconds[nodes[k - 1], nodes[k]];
                if (k == breakGap)
                {
                    arrival = Math.Max(arrival, Seconds(meal!.EarliestStart)) + meal.DurationSeconds;
                }

                arrivals[k] = arrival;
            }

            return arrivals;
        }

        Walk(-1);
        if (meal is null || arrivals[^1] <= Seconds(meal.LatestStart))
        {
            return arrivals;
        }

        var earliest = Seconds(meal.EarliestStart);
        var latest = Seconds(meal.LatestStart);
        var gap = -1;
        var lastLeaving = -1;
        for (var k = 1; k < nodes.Count; k++)
        {
            var departure = arrivals[k - 1] + services[k - 1];
            if (Math.Max(departure, earliest) > latest)
            {
                break;
            }

            lastLeaving = k;
            if (arrivals[k] >= earliest)
            {
                gap = k;
                break;
            }
        }

        return Walk(gap > 0 ? gap : lastLeaving);
    }

    private static UnservedSite Unserved(DueSite site, string reason) => new()
    {
        SiteCode = site.SiteCode,
        SiteName = site.SiteName,
        Longitude = site.Location.Longitude,
        Latitude = site.Location.Latitude,
        DemandKg = site.DemandKg,
        Reason = reason,
    };

    private static long Seconds(TimeOnly t) => (long)t.ToTimeSpan().TotalSeconds;

    private static TimeOnly Time(long seconds) => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Math.Min(seconds, 86_399)));

    private static string Clock(long seconds) => seconds >= 86_400
        ? "the next day"
        : Time(seconds).ToString("HH:mm", CultureInfo.InvariantCulture);
}
