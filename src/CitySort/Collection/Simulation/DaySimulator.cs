using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CitySort.Demo;
using CitySort.Planning;
using CitySort.Registry;

namespace CitySort.Collection.Simulation;

/// <summary>
/// Generates a demo-city day as the devices would report it (docs/simulator.md), without publishing anything: a pure
/// function of its inputs and seed.
/// <list type="bullet">
/// <item>The dedicated vehicles drive their stored trips (<see cref="DailyPlan"/>): from the depot through their
/// stops at the planned times to the planned facility and back, reporting a GPS fix every
/// <see cref="SimulationOptions.GpsIntervalSeconds"/>, a pickup at each stop (the planned demand ± 10 %, estimated
/// ± 15 %) and a weigh ticket where they unload.</item>
/// <item>The existing other-waste fleet (W96-K3, <see cref="DemoResidualFleet"/>) collects every site's residual
/// waste: each area's compactor trucks sweep its sites by bearing from the area's transfer station, trips filled to
/// 95 % of capacity, unloading (and weighed) at the station; its transfer trucks carry each 90 % container load on to
/// the nearest waste-to-energy plant or landfill, weighed there (residual tonnage, W96-T5).</item>
/// <item>With <see cref="SimulationOptions.InjectFaults"/>, <see cref="SimulationOptions.FaultsPerKind"/> of each
/// <see cref="SimulationFault"/>.</item>
/// </list>
/// Travel between points takes the great-circle distance × the profile's detour factor at its average speed.
/// </summary>
public static class DaySimulator
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<FacilityKind> ResidualKinds = [FacilityKind.WasteToEnergyPlant, FacilityKind.Landfill];

    /// <summary>Generates the day.</summary>
    /// <param name="city">The registry, plans and rates.</param>
    /// <param name="options">The date, seed, fault switch and GPS interval.</param>
    /// <returns>The messages in publishing order and the other-waste rounds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The GPS interval is under 1 s or the faults per kind negative.</exception>
    public static SimulatedDay Generate(SimulationCity city, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GpsIntervalSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.FaultsPerKind);
        var day = new DayBuilder(city, options);
        day.PlayPlans();
        day.PlayResidualFleet();
        day.KeepSlice();
        if (options.InjectFaults)
        {
            day.InjectFaults();
        }

        return day.Build();
    }

    /// <summary>The tare mass (皮重) the simulator gives a vehicle: 5,000 kg plus half its payload. Illustrative.</summary>
    /// <param name="capacityKg">The vehicle's payload in kg.</param>
    /// <returns>Kilograms.</returns>
    public static int TareKg(int capacityKg) => 5_000 + (capacityKg / 2);

    /// <summary>Builds one day's messages; holds the noise source and the counters.</summary>
    private sealed class DayBuilder
    {
        private readonly SimulationCity city;
        private readonly SimulationOptions options;
        private readonly Random rng;
        private readonly TimeSpan offset;
        private readonly Dictionary<string, Vehicle> vehicles;
        private readonly Dictionary<string, int> vehicleNumbers;
        private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);
        private readonly List<SimulatedMessage> messages = [];
        private readonly List<SimulatedRound> rounds = [];
        private readonly string dayCode;

        public DayBuilder(SimulationCity city, SimulationOptions options)
        {
            this.city = city;
            this.options = options;
            rng = new Random(options.Seed);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(city.Rules.TimeZoneId);
            offset = zone.GetUtcOffset(options.Date.ToDateTime(new TimeOnly(12, 0)));
            vehicles = city.Vehicles.GroupBy(v => v.Plate, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            vehicleNumbers = vehicles.Keys.Order(StringComparer.Ordinal).Select((p, i) => (p, i + 1)).ToDictionary(x => x.p, x => x.Item2, StringComparer.Ordinal);
            dayCode = options.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        }

        private double MetresPerSecond => (double)city.Rules.AverageSpeedKmPerHour / 3.6;

        private double Detour => (double)city.Rules.RoadDetourFactor;

        public void PlayPlans()
        {
            foreach (var plan in city.Plans.OrderBy(p => p.AreaCode, StringComparer.Ordinal).ThenBy(p => p.Category))
            {
                var depot = new GeoPoint(plan.DepotLongitude, plan.DepotLatitude);
                foreach (var byVehicle in plan.Trips.GroupBy(t => t.VehiclePlate, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var plate = byVehicle.Key;
                    var trips = byVehicle.OrderBy(t => t.VehicleTrip).ToList();
                    var capacity = vehicles.TryGetValue(plate, out var vehicle) ? vehicle.CapacityKg : plan.CapacityKg;
                    var track = new Track();
                    var at = depot;
                    track.Add(At(trips[0].DepartsAt), depot);
                    foreach (var trip in trips)
                    {
                        track.Add(At(trip.DepartsAt), at);
                        var actualKg = 0.0;
                        foreach (var stop in trip.Stops.OrderBy(s => s.Sequence))
                        {
                            var point = new GeoPoint(stop.Longitude, stop.Latitude);
                            var arrive = At(stop.ArrivesAt);
                            var leave = arrive.AddSeconds(city.Rules.ServiceSecondsPerStop);
                            track.Add(arrive, point);
                            track.Add(leave, point);
                            var kg = stop.DemandKg * Uniform(0.9, 1.1);
                            actualKg += kg;
                            Pickup(plate, stop.SiteCode, plan.Category, kg * Uniform(0.85, 1.15), point, arrive.AddSeconds(city.Rules.ServiceSecondsPerStop / 2.0), null);
                        }

                        var facility = new GeoPoint(trip.FacilityLongitude, trip.FacilityLatitude);
                        track.Add(At(trip.UnloadsAt), facility);
                        track.Add(At(trip.UnloadedAt), facility);
                        Ticket(trip.FacilityCode, plate, At(trip.UnloadsAt), At(trip.UnloadedAt), Math.Min(actualKg, capacity), capacity, plan.Category);
                        at = facility;
                        if (trip.ReturnsToDepotAt is { } back)
                        {
                            track.Add(At(back), depot);
                            at = depot;
                        }
                    }

                    Fixes(plate, track);
                }
            }
        }

        public void PlayResidualFleet()
        {
            var fleet = city.Demo.ResidualFleet;
            var free = city.Vehicles.Where(v => v.DedicatedCategory is null && v.DedicatedStream is null).ToList();
            foreach (var area in city.Sites.GroupBy(city.AreaOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var sites = area.ToList();
                var compactors = free.Where(v => v.AreaCode == area.Key && v.CapacityKg < fleet.TransferCapacityKg).OrderBy(v => v.Plate, StringComparer.Ordinal).ToList();
                var station = DemoResidualFleet.StationOf(sites, city.Facilities);
                if (compactors.Count == 0 || station is null)
                {
                    continue;
                }

                var home = new GeoPoint(station.Longitude, station.Latitude);
                var work = sites
                    .Select(s => (Site: s, Kg: DemoResidualFleet.DailyResidualKg(s, city.Demo) * Uniform(0.9, 1.1)))
                    .Where(x => x.Kg > 0)
                    .OrderBy(x => Math.Atan2(x.Site.Latitude - home.Latitude, x.Site.Longitude - home.Longitude))
                    .ThenBy(x => x.Site.Code, StringComparer.Ordinal)
                    .ToList();
                var perTruck = work.Sum(x => x.Kg) / compactors.Count;
                var arrivals = new List<(DateTimeOffset At, double Kg)>();
                var next = 0;
                for (var i = 0; i < compactors.Count && next < work.Count; i++)
                {
                    var share = new List<(Site Site, double Kg)>();
                    var kg = 0.0;
                    while (next < work.Count && (kg < perTruck || i == compactors.Count - 1))
                    {
                        share.Add(work[next]);
                        kg += work[next++].Kg;
                    }

                    arrivals.AddRange(Collect(compactors[i], station, home, share));
                }

                var transfers = free.Where(v => v.AreaCode == area.Key && v.CapacityKg >= fleet.TransferCapacityKg).OrderBy(v => v.Plate, StringComparer.Ordinal).ToList();
                var destination = city.Facilities
                    .Where(f => ResidualKinds.Contains(f.Kind) && f.AcceptedCategories.Contains(WasteCategory.Other))
                    .OrderBy(f => home.GreatCircleMetresTo(new GeoPoint(f.Longitude, f.Latitude)))
                    .ThenBy(f => f.Code, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (transfers.Count > 0 && destination is not null)
                {
                    Transfer(transfers, home, destination, arrivals);
                }
            }
        }

        /// <summary>One compactor truck's day over its share of sites; returns the loads it left at the station.</summary>
        private List<(DateTimeOffset At, double Kg)> Collect(Vehicle truck, Facility station, GeoPoint home, List<(Site Site, double Kg)> share)
        {
            var loads = new List<(DateTimeOffset, double)>();
            var limit = truck.CapacityKg * 0.95;
            var track = new Track();
            var t = At(city.Rules.ShiftStart);
            track.Add(t, home);
            var remaining = share.ToList();
            while (remaining.Count > 0)
            {
                var trip = new List<(Site Site, double Kg)>();
                var load = 0.0;
                var here = home;
                while (remaining.Count > 0)
                {
                    var nearest = remaining.OrderBy(x => here.GreatCircleMetresTo(new GeoPoint(x.Site.Longitude, x.Site.Latitude))).ThenBy(x => x.Site.Code, StringComparer.Ordinal).First();
                    if (trip.Count > 0 && load + nearest.Kg > limit)
                    {
                        break;
                    }

                    remaining.Remove(nearest);
                    trip.Add(nearest);
                    load += nearest.Kg;
                    here = new GeoPoint(nearest.Site.Longitude, nearest.Site.Latitude);
                }

                here = home;
                foreach (var (site, kg) in trip)
                {
                    var point = new GeoPoint(site.Longitude, site.Latitude);
                    t = t.Add(Drive(here, point));
                    track.Add(t, point);
                    Pickup(truck.Plate, site.Code, WasteCategory.Other, kg * Uniform(0.85, 1.15), point, t.AddSeconds(city.Rules.ServiceSecondsPerStop / 2.0), null);
                    t = t.AddSeconds(city.Rules.ServiceSecondsPerStop);
                    track.Add(t, point);
                    here = point;
                }

                t = t.Add(Drive(here, home));
                track.Add(t, home);
                var timeIn = t;
                t = t.AddSeconds(city.Rules.UnloadingSeconds);
                track.Add(t, home);
                var net = Math.Min(load, truck.CapacityKg);
                Ticket(station.Code, truck.Plate, timeIn, t, net, truck.CapacityKg, WasteCategory.Other);
                loads.Add((t, Math.Round(net)));
                rounds.Add(new SimulatedRound(truck.Plate, station.Code, trip.Select(x => x.Site.Code).ToList()));
            }

            Fixes(truck.Plate, track);
            return loads;
        }

        /// <summary>The area's transfer trucks carry the station's loads on as they fill, each truck taking the next load when free.</summary>
        private void Transfer(List<Vehicle> trucks, GeoPoint home, Facility destination, List<(DateTimeOffset At, double Kg)> arrivals)
        {
            var load = trucks[0].CapacityKg * 0.9;
            var ready = new List<(DateTimeOffset At, double Kg)>();
            var held = 0.0;
            DateTimeOffset last = default;
            foreach (var (at, kg) in arrivals.OrderBy(a => a.At))
            {
                held += kg;
                last = at;
                while (held >= load)
                {
                    ready.Add((at, load));
                    held -= load;
                }
            }

            if (held > 0)
            {
                ready.Add((last, held));
            }

            var target = new GeoPoint(destination.Longitude, destination.Latitude);
            var drive = Drive(home, target);
            var freeAt = trucks.ToDictionary(v => v.Plate, _ => DateTimeOffset.MinValue, StringComparer.Ordinal);
            var tracks = trucks.ToDictionary(v => v.Plate, _ => new Track(), StringComparer.Ordinal);
            foreach (var (at, kg) in ready)
            {
                var truck = trucks.OrderBy(v => freeAt[v.Plate]).ThenBy(v => v.Plate, StringComparer.Ordinal).First();
                var start = at > freeAt[truck.Plate] ? at : freeAt[truck.Plate];
                var track = tracks[truck.Plate];
                track.Add(start, home);
                var depart = start.AddSeconds(600);
                track.Add(depart, home);
                var arrive = depart.Add(drive);
                track.Add(arrive, target);
                var timeOut = arrive.AddSeconds(city.Rules.UnloadingSeconds);
                track.Add(timeOut, target);
                Ticket(destination.Code, truck.Plate, arrive, timeOut, Math.Round(kg), truck.CapacityKg, WasteCategory.Other);
                var back = timeOut.Add(drive);
                track.Add(back, home);
                freeAt[truck.Plate] = back;
            }

            foreach (var truck in trucks)
            {
                Fixes(truck.Plate, tracks[truck.Plate]);
            }
        }

        /// <summary>Keeps the messages of <see cref="SimulationOptions.From"/>..<see cref="SimulationOptions.To"/> only.</summary>
        public void KeepSlice()
        {
            if (options.From is null && options.To is null)
            {
                return;
            }

            var from = At(options.From ?? TimeOnly.MinValue);
            var to = options.To is { } end ? At(end) : DateTimeOffset.MaxValue;
            messages.RemoveAll(m => m.PublishAt < from || m.PublishAt >= to);
        }

        public void InjectFaults()
        {
            var n = options.FaultsPerKind;
            var dedicated = messages.Where(m => m.Kind == SimulatedMessageKind.Pickup && m.Fault is null
                && vehicles.TryGetValue(m.VehiclePlate, out var v) && v.DedicatedCategory is not null).ToList();
            foreach (var original in Pick(dedicated, n))
            {
                var category = vehicles[original.VehiclePlate].DedicatedCategory == WasteCategory.Other ? WasteCategory.Recyclable : WasteCategory.Other;
                var site = city.Sites.FirstOrDefault(s => s.Code == original.SiteCode);
                var point = site is null ? (GeoPoint?)null : new GeoPoint(site.Longitude, site.Latitude);
                Pickup(original.VehiclePlate, original.SiteCode!, category, Uniform(30, 80), point, original.PublishAt.AddSeconds(20), SimulationFault.Mixing);
            }

            var pickups = messages.Where(m => m.Kind == SimulatedMessageKind.Pickup && m.Fault is null).ToList();
            var repeated = new HashSet<string?>(StringComparer.Ordinal);
            foreach (var original in Pick(pickups, n))
            {
                messages.Add(original with { PublishAt = original.PublishAt.AddSeconds(3), Fault = SimulationFault.Duplicate });
                repeated.Add(original.EventId);
            }

            foreach (var original in Pick(pickups.Where(p => !repeated.Contains(p.EventId)).ToList(), n))
            {
                using var doc = JsonDocument.Parse(original.Payload);
                var kg = doc.RootElement.GetProperty("estimatedKg").GetDecimal() + 25m;
                var payload = Rewrite(doc.RootElement, "estimatedKg", kg);
                messages.Add(original with { PublishAt = original.PublishAt.AddSeconds(30), Payload = payload, Kg = kg, Fault = SimulationFault.Conflict });
            }

            var fixes = messages.Where(m => m.Kind == SimulatedMessageKind.GpsFix && m.Fault is null).ToList();
            var late = Pick(fixes, n).ToHashSet();
            for (var i = 0; i < messages.Count; i++)
            {
                if (late.Contains(messages[i]))
                {
                    messages[i] = messages[i] with { PublishAt = messages[i].PublishAt.AddMinutes(8), Fault = SimulationFault.LateFix };
                }
            }

            foreach (var original in Pick(pickups, n))
            {
                var cut = original.Payload[..(original.Payload.Length / 2)];
                messages.Add(original with { PublishAt = original.PublishAt.AddSeconds(40), Payload = cut, EventId = null, Fault = SimulationFault.Malformed });
            }

            var plates = vehicles.Keys.Order(StringComparer.Ordinal).ToList();
            if (plates.Count > 1)
            {
                foreach (var original in Pick(fixes.Where(f => !late.Contains(f)).ToList(), n))
                {
                    var other = plates[(plates.IndexOf(original.VehiclePlate) + 1) % plates.Count];
                    var id = NextId(original.VehiclePlate, "F");
                    using var doc = JsonDocument.Parse(original.Payload);
                    var payload = Rewrite(doc.RootElement, "eventId", id);
                    messages.Add(original with
                    {
                        PublishAt = original.PublishAt.AddSeconds(1),
                        Topic = $"citysort/v1/vehicles/{other}/gps",
                        Payload = payload,
                        EventId = id,
                        Fault = SimulationFault.ForeignPlate,
                    });
                }
            }

            var logins = 0;
            foreach (var original in Pick(fixes, n))
            {
                logins++;
                var username = string.Create(CultureInfo.InvariantCulture, $"sim-{dayCode}-login-{logins}");
                var password = string.Create(CultureInfo.InvariantCulture, $"guess-{rng.Next(1_000_000):D6}");
                messages.Add(new SimulatedMessage(original.PublishAt.AddSeconds(2), string.Empty, string.Empty, SimulatedMessageKind.Login, null, original.VehiclePlate, null, null, null, null, SimulationFault.BadLogin)
                {
                    LoginUsername = username,
                    LoginPassword = password,
                });
            }
        }

        public SimulatedDay Build()
        {
            var ordered = messages.Select((m, i) => (m, i)).OrderBy(x => x.m.PublishAt).ThenBy(x => x.i).Select(x => x.m).ToList();
            var residual = ordered
                .Where(m => m.Kind == SimulatedMessageKind.WeighTicket && m.Fault is null
                    && city.Facilities.Any(f => f.Code == m.FacilityCode && ResidualKinds.Contains(f.Kind)))
                .Sum(m => m.Kg ?? 0) / 1000m;
            return new SimulatedDay(options.Date, ordered, rounds) { ResidualTonnes = residual };
        }

        private List<SimulatedMessage> Pick(List<SimulatedMessage> from, int count)
        {
            var chosen = new List<SimulatedMessage>();
            var pool = from.ToList();
            while (chosen.Count < count && pool.Count > 0)
            {
                var i = rng.Next(pool.Count);
                chosen.Add(pool[i]);
                pool.RemoveAt(i);
            }

            return chosen;
        }

        private TimeSpan Drive(GeoPoint from, GeoPoint to) =>
            TimeSpan.FromSeconds(Math.Round(from.GreatCircleMetresTo(to) * Detour / MetresPerSecond));

        private DateTimeOffset At(TimeOnly time) => new(options.Date.ToDateTime(time), offset);

        private double Uniform(double low, double high) => low + (rng.NextDouble() * (high - low));

        private string NextId(string plate, string kind)
        {
            var key = plate + "|" + kind;
            var n = counters[key] = counters.GetValueOrDefault(key) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"SIM-{dayCode}-V{vehicleNumbers.GetValueOrDefault(plate):D3}-{kind}{n:D5}");
        }

        private bool IsIllustrative(string plate) => !vehicles.TryGetValue(plate, out var v) || v.IsIllustrative;

        private void Pickup(string plate, string siteCode, WasteCategory category, double estimatedKg, GeoPoint? point, DateTimeOffset at, SimulationFault? fault)
        {
            var id = NextId(plate, fault == SimulationFault.Mixing ? "M" : "P");
            var kg = Math.Round((decimal)estimatedKg, 1);
            var payload = Json(w =>
            {
                w.WriteString("eventId", id);
                w.WriteString("deviceTime", Time(at));
                w.WriteString("vehiclePlate", plate);
                w.WriteString("siteCode", siteCode);
                w.WriteString("category", category.ToString());
                w.WriteNumber("estimatedKg", kg);
                if (point is { } p)
                {
                    WritePoint(w, p);
                }
            });
            messages.Add(new SimulatedMessage(at, $"citysort/v1/vehicles/{plate}/pickups", payload, SimulatedMessageKind.Pickup, id, plate, siteCode, null, category, kg, fault));
        }

        private void Ticket(string facilityCode, string plate, DateTimeOffset timeIn, DateTimeOffset timeOut, double netKg, int capacityKg, WasteCategory category)
        {
            var key = "ticket|" + facilityCode;
            var n = counters[key] = counters.GetValueOrDefault(key) + 1;
            var id = string.Create(CultureInfo.InvariantCulture, $"SIM-{dayCode}-{facilityCode}-{n:D4}");
            var net = Math.Round((decimal)netKg);
            decimal tare = TareKg(capacityKg);
            var payload = Json(w =>
            {
                w.WriteString("ticketId", id);
                w.WriteString("facilityCode", facilityCode);
                w.WriteString("vehiclePlate", plate);
                w.WriteString("timeIn", Time(timeIn));
                w.WriteString("timeOut", Time(timeOut));
                w.WriteNumber("grossKg", tare + net);
                w.WriteNumber("tareKg", tare);
                w.WriteNumber("netKg", net);
                w.WriteString("declaredCategory", category.ToString());
            });
            messages.Add(new SimulatedMessage(timeOut, $"citysort/v1/facilities/{facilityCode}/tickets", payload, SimulatedMessageKind.WeighTicket, id, plate, null, facilityCode, category, net, null));
        }

        /// <summary>A fix every GPS interval along the track, and one at its end.</summary>
        private void Fixes(string plate, Track track)
        {
            if (track.Points.Count == 0)
            {
                return;
            }

            var step = TimeSpan.FromSeconds(options.GpsIntervalSeconds);
            var start = track.Points[0].At;
            var end = track.Points[^1].At;
            for (var t = start; t <= end; t = t.Add(step))
            {
                Fix(plate, track, t);
            }

            if ((end - start).Ticks % step.Ticks != 0)
            {
                Fix(plate, track, end);
            }
        }

        private void Fix(string plate, Track track, DateTimeOffset t)
        {
            var (point, speedKmh, heading) = track.At(t, Detour);
            var id = NextId(plate, "G");
            var payload = Json(w =>
            {
                w.WriteString("eventId", id);
                w.WriteString("deviceTime", Time(t));
                w.WriteString("vehiclePlate", plate);
                WritePoint(w, point);
                w.WriteNumber("speedKmh", Math.Round(speedKmh, 1));
                if (heading is { } h)
                {
                    w.WriteNumber("headingDegrees", Math.Round(h, 1) % 360);
                }
            });
            messages.Add(new SimulatedMessage(t, $"citysort/v1/vehicles/{plate}/gps", payload, SimulatedMessageKind.GpsFix, id, plate, null, null, null, null, null));
        }

        private static void WritePoint(Utf8JsonWriter w, GeoPoint p)
        {
            w.WriteStartObject("point");
            w.WriteNumber("longitude", Math.Round(p.Longitude, 6));
            w.WriteNumber("latitude", Math.Round(p.Latitude, 6));
            w.WriteString("datum", "wgs84");
            w.WriteEndObject();
        }

        private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        private static string Json(Action<Utf8JsonWriter> body)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, WriterOptions))
            {
                w.WriteStartObject();
                body(w);
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static string Rewrite(JsonElement root, string member, object value)
        {
            return Json(w =>
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (property.NameEquals(member))
                    {
                        switch (value)
                        {
                            case decimal d:
                                w.WriteNumber(member, d);
                                break;
                            default:
                                w.WriteString(member, Convert.ToString(value, CultureInfo.InvariantCulture));
                                break;
                        }
                    }
                    else
                    {
                        property.WriteTo(w);
                    }
                }
            });
        }
    }

    /// <summary>A vehicle's path as timed points; between two points it moves in a straight line at constant speed.</summary>
    private sealed class Track
    {
        public List<(DateTimeOffset At, GeoPoint Point)> Points { get; } = [];

        /// <summary>Adds a point; a time before the last is taken as the last (a track never goes back in time).</summary>
        public void Add(DateTimeOffset at, GeoPoint point)
        {
            if (Points.Count > 0 && at < Points[^1].At)
            {
                at = Points[^1].At;
            }

            Points.Add((at, point));
        }

        /// <summary>The position, road speed (km/h, straight line × detour) and heading at <paramref name="t"/>.</summary>
        public (GeoPoint Point, double SpeedKmh, double? Heading) At(DateTimeOffset t, double detour)
        {
            for (var i = 1; i < Points.Count; i++)
            {
                var (a, pa) = Points[i - 1];
                var (b, pb) = Points[i];
                if (t > b)
                {
                    continue;
                }

                if (t < a || b == a || pa == pb)
                {
                    return (pa == pb || t < a ? pa : pb, 0, null);
                }

                var fraction = (t - a).TotalSeconds / (b - a).TotalSeconds;
                var point = new GeoPoint(pa.Longitude + ((pb.Longitude - pa.Longitude) * fraction), pa.Latitude + ((pb.Latitude - pa.Latitude) * fraction));
                var kmh = pa.GreatCircleMetresTo(pb) * detour / (b - a).TotalSeconds * 3.6;
                return (point, kmh, Bearing(pa, pb));
            }

            return (Points[^1].Point, 0, null);
        }

        private static double Bearing(GeoPoint from, GeoPoint to)
        {
            const double ToRadians = Math.PI / 180;
            var phi1 = from.Latitude * ToRadians;
            var phi2 = to.Latitude * ToRadians;
            var dLambda = (to.Longitude - from.Longitude) * ToRadians;
            var y = Math.Sin(dLambda) * Math.Cos(phi2);
            var x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLambda));
            return ((Math.Atan2(y, x) / ToRadians) + 360) % 360;
        }
    }
}
