using System.Globalization;
using CitySort.Collection;
using CitySort.Collection.Simulation;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// A deterministic, illustrative city-year of collection events over the demo city's registry, for
/// <c>citysort bench kpis</c> (docs/benchmarks.md): every site is emptied bin by bin by a vehicle of the category
/// (a dedicated vehicle of its area where there is one, else the area's other-waste fleet), one pickup per bin
/// emptied, in daily rounds; each vehicle drives its sites in turn from 05:30, unloads when its trip is full at the
/// nearest facility that treats the category (one weigh ticket per trip, net = the trip's actual mass, tare = the
/// simulator's), and reports GPS fixes along its path. Sites' daily masses follow their households and staff (the
/// demo city's rates). A layer above 0 is another set of trips over the same sites and days (5× pickups and tickets);
/// only layer 0 reports GPS fixes. Events are derived as the intake derives them (district, area, sorted, treated).
/// </summary>
internal sealed class KpiCityYear
{
    /// <summary>The generated year (the Wenzhou 2015 profile's target year).</summary>
    public const int Year = 2015;

    /// <summary>Pickups of a city-year at scale 1 (issue 9: at least 15 million).</summary>
    public const long PickupsPerYear = 15_200_000;

    /// <summary>Weigh tickets of a city-year at scale 1 (at least 1 million).</summary>
    public const long TicketsPerYear = 1_030_000;

    /// <summary>GPS fixes of a city-year at scale 1 (at least 50 million).</summary>
    public const long GpsFixesPerYear = 51_000_000;

    private const double SpeedMetresPerSecond = 25 / 3.6;
    private const double Detour = 1.3;
    private const int ServiceSecondsPerBin = 30;
    private const int UnloadSeconds = 600;
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private static readonly TimeOnly ShiftStart = new(5, 30);
    private static readonly TimeOnly LatestEnd = new(21, 30);

    private readonly List<Work> work;
    private readonly Dictionary<string, List<Work>> workByVehicle;
    private readonly List<Truck> trucks;
    private readonly List<Plant> plants;
    private readonly double roundsShare;
    private readonly int rounds;
    private readonly int pickupsPerTrip;
    private readonly double gpsPerDay;
    private readonly int seed;

    private KpiCityYear(List<Work> work, List<Truck> trucks, List<Plant> plants, double scale, double gpsShare, int seed)
    {
        this.work = work;
        this.trucks = trucks;
        this.plants = plants;
        this.seed = seed;
        workByVehicle = work.GroupBy(w => w.Truck.Plate, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var units = Math.Max(1, work.Sum(w => w.Units));
        var pickupsPerDay = PickupsPerYear * scale / 365.0;
        rounds = Math.Max(1, (int)Math.Ceiling(pickupsPerDay / units));
        roundsShare = Math.Min(1, pickupsPerDay / ((double)units * rounds));
        pickupsPerTrip = Math.Max(1, (int)Math.Round((double)PickupsPerYear / TicketsPerYear));
        gpsPerDay = GpsFixesPerYear * scale * gpsShare / 365.0;
    }

    /// <summary>Sites × categories collected (with bins of the category and a vehicle to collect them).</summary>
    public int Collections => work.Count;

    /// <summary>Vehicles that collect.</summary>
    public int Vehicles => workByVehicle.Count;

    /// <summary>Daily rounds of each collection (at full scale about one bin emptied per round).</summary>
    public int Rounds => rounds;

    /// <summary>The days of the year, 1 January to 31 December.</summary>
    public static IEnumerable<DateOnly> Days()
    {
        for (var day = new DateOnly(Year, 1, 1); day.Year == Year; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Reads the registry (the demo city) of <paramref name="storage"/> and prepares the year.</summary>
    /// <param name="storage">The migrated, seeded database.</param>
    /// <param name="profile">The profile (areas of the intake's derivation).</param>
    /// <param name="scale">1 = the city-year of <see cref="PickupsPerYear"/>, <see cref="TicketsPerYear"/> and <see cref="GpsFixesPerYear"/>.</param>
    /// <param name="gpsShare">Share of the scale's GPS fixes to report (0..1).</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<KpiCityYear> LoadAsync(StorageOptions storage, PolicyProfile profile, double scale, double gpsShare, int seed, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddCitySortStorage(storage).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        var snapshot = await new RegistrySnapshotSource(contexts, profile, TimeProvider.System, new CollectionOptions()).GetAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Bins).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var vehicles = await db.Vehicles.AsNoTracking().OrderBy(v => v.Plate).ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);

        var trucks = vehicles
            .Where(v => v.DedicatedStream is null && v.CapacityKg > 0 && v.CapacityKg < 20_000 && snapshot.Vehicles.ContainsKey(v.Plate))
            .Select((v, i) => new Truck(v.Plate, "OBU-" + v.Plate, i + 1, snapshot.Vehicles[v.Plate], v.CapacityKg, DaySimulator.TareKg(v.CapacityKg)))
            .ToList();
        var plants = facilities
            .Where(f => snapshot.Facilities.ContainsKey(f.Code))
            .Select(f => new Plant(f.Code, "WB-" + f.Code, snapshot.Facilities[f.Code], new GeoPoint(f.Longitude, f.Latitude)))
            .ToList();
        var work = new List<Work>();
        foreach (var site in sites.Where(s => snapshot.Sites.ContainsKey(s.Code)))
        {
            var facts = snapshot.Sites[site.Code];
            var kg = ((site.Households ?? 0) * 3.0) + ((site.Staff ?? 0) * 0.5) + (site.Type == SiteType.PublicPlace ? 150 : 0);
            var byCategory = site.Bins.Where(b => b.Category is not null && b.Count > 0).GroupBy(b => b.Category!.Value).OrderBy(g => g.Key).ToList();
            var shares = byCategory.Sum(g => Share(g.Key));
            foreach (var group in byCategory)
            {
                if (TruckFor(trucks, facts, group.Key) is not { } truck)
                {
                    continue;
                }

                var bins = group.OrderBy(b => b.Id).Select(b => (Id: b.Id.ToString(CultureInfo.InvariantCulture), b.Count)).ToArray();
                work.Add(new Work(site.Code, facts, group.Key, new GeoPoint(site.Longitude, site.Latitude), bins, Math.Max(1, kg) * Share(group.Key) / shares, truck));
            }
        }

        // Each vehicle visits its sites by bearing around their centre, so that a trip's stops are neighbours.
        foreach (var group in work.GroupBy(w => w.Truck.Plate, StringComparer.Ordinal))
        {
            var lon = group.Average(w => w.Point.Longitude);
            var lat = group.Average(w => w.Point.Latitude);
            var order = group.OrderBy(w => Math.Atan2(w.Point.Latitude - lat, w.Point.Longitude - lon)).ThenBy(w => w.SiteCode, StringComparer.Ordinal).ToList();
            for (var i = 0; i < order.Count; i++)
            {
                order[i].Order = i;
            }
        }

        work.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.SiteCode, b.SiteCode));
        return new KpiCityYear(work, trucks, plants, scale, gpsShare, seed);
    }

    /// <summary>The events of one business day, as the intake would store them.</summary>
    /// <param name="day">The day.</param>
    /// <param name="layer">0 for the city-year (with GPS fixes); 1.. for each further multiple of its pickups and tickets.</param>
    /// <returns>Pickups, tickets and (layer 0) GPS fixes.</returns>
    public List<StoredEvent> Day(DateOnly day, int layer)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + (day.DayNumber * 131) + layer));
        var events = new List<StoredEvent>();
        var tracks = new List<(Truck Truck, List<(long Ms, GeoPoint Point)> Track)>();
        var dayCode = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var start = new DateTimeOffset(day.ToDateTime(ShiftStart), Offset);
        var latest = new DateTimeOffset(day.ToDateTime(LatestEnd), Offset);
        foreach (var truck in trucks)
        {
            if (!workByVehicle.TryGetValue(truck.Plate, out var mine))
            {
                continue;
            }

            var todays = mine.Where(_ => roundsShare >= 1 || rng.NextDouble() < roundsShare).ToList();
            if (todays.Count == 0)
            {
                continue;
            }

            // Schedule in seconds from the vehicle's start, then fit the day between its start and 21:30.
            var stops = new List<(double At, Work Work, string BinId, double EstimatedKg)>();
            var unloads = new List<(double In, double Out, Plant Plant, double NetKg, WasteCategory Category)>();
            var path = new List<(double At, GeoPoint Point)>();
            var t = 0.0;
            var here = todays[0].Point;
            path.Add((t, here));
            var load = 0.0;
            var count = 0;
            WasteCategory? loaded = null;
            void Unload()
            {
                var plant = PlantFor(here, loaded!.Value);
                t += Drive(here, plant.Point);
                path.Add((t, plant.Point));
                var timeIn = t;
                t += UnloadSeconds;
                path.Add((t, plant.Point));
                unloads.Add((timeIn, t, plant, load, loaded.Value));
                here = plant.Point;
                load = 0;
                count = 0;
                loaded = null;
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var w in todays)
                {
                    var perUnit = w.KgPerDay / (w.Units * rounds);
                    foreach (var (binId, units) in w.Bins)
                    {
                        for (var u = 0; u < units; u++)
                        {
                            var kg = perUnit * Uniform(rng, 0.8, 1.2);
                            if (loaded is { } c && (c != w.Category || count >= pickupsPerTrip || load + kg > truck.CapacityKg * 0.95))
                            {
                                Unload();
                            }

                            if (here != w.Point)
                            {
                                t += Drive(here, w.Point);
                                here = w.Point;
                                path.Add((t, here));
                            }

                            stops.Add((t + (ServiceSecondsPerBin / 2.0), w, binId, kg * Uniform(rng, 0.85, 1.15)));
                            t += ServiceSecondsPerBin;
                            load += kg;
                            count++;
                            loaded = w.Category;
                        }
                    }

                    path.Add((t, here));
                }
            }

            if (loaded is not null)
            {
                Unload();
            }

            var begin = start.AddMinutes(truck.Number % 45);
            var fit = Math.Min(1.0, (latest - begin).TotalSeconds / Math.Max(1, t));
            DateTimeOffset At(double seconds) => begin.AddSeconds(Math.Round(seconds * fit));
            var n = 0;
            foreach (var (at, w, binId, estimatedKg) in stops)
            {
                var time = At(at);
                var pickup = new PickupEvent(
                    string.Create(CultureInfo.InvariantCulture, $"P{layer}-{dayCode}-{++n:D5}"), truck.DeviceId, time, true, truck.Plate, w.SiteCode, binId,
                    w.Category, null, Math.Round((decimal)estimatedKg, 1), new EventPoint(w.Point.Longitude, w.Point.Latitude, CoordinateDatum.Wgs84));
                events.Add(new StoredEvent(pickup, EventContentHash.Of(pickup), w.Site.DistrictCode, w.Site.AreaCode, null, false, false));
            }

            var trip = 0;
            foreach (var (timeIn, timeOut, plant, netKg, category) in unloads)
            {
                var net = Math.Min(Math.Round((decimal)netKg), truck.CapacityKg);
                var ticket = new WeighTicketEvent(
                    string.Create(CultureInfo.InvariantCulture, $"T{layer}-{dayCode}-V{truck.Number:D3}-{++trip:D3}"), plant.DeviceId, At(timeOut), true, plant.Code, truck.Plate,
                    At(timeIn), At(timeOut), net + truck.TareKg, truck.TareKg, net, category, null);
                var sorted = truck.Facts.DedicatedCategory == category;
                events.Add(new StoredEvent(ticket, EventContentHash.Of(ticket), truck.Facts.DistrictCode, truck.Facts.AreaCode, plant.Facts.Kind, sorted, plant.Facts.Treats(category, null)));
            }

            if (layer == 0)
            {
                tracks.Add((truck, path.Select(p => (At(p.At).ToUnixTimeMilliseconds(), p.Point)).ToList()));
            }
        }

        if (layer == 0 && gpsPerDay > 0)
        {
            AddFixes(events, tracks, dayCode);
        }

        return events;
    }

    private void AddFixes(List<StoredEvent> events, List<(Truck Truck, List<(long Ms, GeoPoint Point)> Track)> tracks, string dayCode)
    {
        var span = tracks.Sum(x => (double)(x.Track[^1].Ms - x.Track[0].Ms));
        if (span <= 0)
        {
            return;
        }

        var interval = Math.Max(1000L, (long)Math.Round(span / gpsPerDay));
        foreach (var (truck, track) in tracks)
        {
            var n = 0;
            var segment = 0;
            for (var ms = track[0].Ms; ms <= track[^1].Ms; ms += interval)
            {
                while (segment < track.Count - 2 && track[segment + 1].Ms < ms)
                {
                    segment++;
                }

                var (m0, p0) = track[segment];
                var (m1, p1) = track[Math.Min(segment + 1, track.Count - 1)];
                var f = m1 > m0 ? Math.Clamp((ms - m0) / (double)(m1 - m0), 0, 1) : 0;
                var moving = m1 > m0 && p0 != p1;
                var point = new EventPoint(
                    Math.Round(p0.Longitude + ((p1.Longitude - p0.Longitude) * f), 6), Math.Round(p0.Latitude + ((p1.Latitude - p0.Latitude) * f), 6), CoordinateDatum.Wgs84);
                var fix = new GpsFixEvent(
                    string.Create(CultureInfo.InvariantCulture, $"G-{dayCode}-{++n:D5}"), truck.DeviceId, DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(Offset), true, truck.Plate,
                    point, moving ? 25 : 0, null);
                events.Add(new StoredEvent(fix, EventContentHash.Of(fix), string.Empty, string.Empty, null, false, false));
            }
        }
    }

    private Plant PlantFor(GeoPoint from, WasteCategory category) =>
        plants.Where(p => p.Facts.Treats(category, null)).OrderBy(p => from.GreatCircleMetresTo(p.Point)).ThenBy(p => p.Code, StringComparer.Ordinal).FirstOrDefault()
        ?? plants.Where(p => p.Facts.AcceptedCategories.Contains(category)).OrderBy(p => from.GreatCircleMetresTo(p.Point)).FirstOrDefault()
        ?? plants.OrderBy(p => from.GreatCircleMetresTo(p.Point)).First();

    private static double Drive(GeoPoint from, GeoPoint to) => from.GreatCircleMetresTo(to) * Detour / SpeedMetresPerSecond;

    private static double Uniform(Random rng, double low, double high) => low + (rng.NextDouble() * (high - low));

    /// <summary>Illustrative shares of a household's waste by category (other waste the most, then kitchen waste).</summary>
    private static double Share(WasteCategory category) => category switch
    {
        WasteCategory.Other => 0.55,
        WasteCategory.Kitchen => 0.30,
        WasteCategory.Recyclable => 0.13,
        _ => 0.02,
    };

    /// <summary>A vehicle dedicated to the category in the site's area, else in its district, else the area's undedicated fleet.</summary>
    private static Truck? TruckFor(List<Truck> trucks, SiteRegistryFacts site, WasteCategory category)
    {
        var candidates = trucks.Where(t => t.Facts.DedicatedCategory == category && t.Facts.AreaCode == site.AreaCode).ToList();
        if (candidates.Count == 0)
        {
            candidates = trucks.Where(t => t.Facts.DedicatedCategory == category && t.Facts.DistrictCode == site.DistrictCode).ToList();
        }

        if (candidates.Count == 0)
        {
            candidates = trucks.Where(t => t.Facts.DedicatedCategory is null && t.Facts.AreaCode == site.AreaCode).ToList();
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var hash = 0;
        foreach (var c in site.Code)
        {
            hash = unchecked((hash * 31) + c);
        }

        return candidates[(hash & int.MaxValue) % candidates.Count];
    }

    private sealed record Truck(string Plate, string DeviceId, int Number, VehicleFacts Facts, int CapacityKg, int TareKg);

    private sealed record Plant(string Code, string DeviceId, FacilityFacts Facts, GeoPoint Point);

    private sealed record Work(string SiteCode, SiteRegistryFacts Site, WasteCategory Category, GeoPoint Point, (string Id, int Count)[] Bins, double KgPerDay, Truck Truck)
    {
        public int Units { get; } = Bins.Sum(b => b.Count);

        public int Order { get; set; }
    }
}
