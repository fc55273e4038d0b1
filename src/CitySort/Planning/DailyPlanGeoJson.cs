using System.Globalization;
using System.Text.Json.Nodes;
using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>
/// Writes plans as a GeoJSON FeatureCollection (RFC 7946; WGS-84 longitude, latitude) for the map layer:
/// one LineString per trip (depot or previous facility → stops → facility, → depot on the vehicle's last trip) with
/// properties <c>kind</c> "trip", <c>district</c>, <c>area</c>, <c>category</c>, <c>plate</c>, <c>trip</c>,
/// <c>loadKg</c>, <c>distanceM</c>, <c>departsAt</c>, <c>unloadsAt</c>, <c>returnsAt</c>, <c>facility</c>,
/// <c>stops</c>, <c>colour</c>; Points with <c>kind</c> "stop" (site, name, plate, trip, sequence, demandKg,
/// arrivesAt, colour), "facility" (code, name, categories), "depot" (name, area) and "unserved" (site, name,
/// demandKg, reason, reasonCode, reasonZh). A vehicle's trips share one colour, a shade of its category's bin colour (W96-C1..C4:
/// recyclables blue, hazardous red, kitchen green, other grey).
/// </summary>
public static class DailyPlanGeoJson
{
    private static readonly IReadOnlyDictionary<WasteCategory, string[]> Shades = new Dictionary<WasteCategory, string[]>
    {
        [WasteCategory.Recyclable] = ["#1e5aa8", "#4a90d9", "#0d3b75", "#6fa8dc", "#2b6cb0"],
        [WasteCategory.Hazardous] = ["#c62828", "#e57373", "#8e0000", "#f44336", "#ad1457"],
        [WasteCategory.Kitchen] = ["#2e7d32", "#66bb6a", "#1b5e20", "#9ccc65", "#00796b"],
        [WasteCategory.Other] = ["#424242", "#757575", "#212121", "#9e9e9e", "#5d4037"],
    };

    /// <summary>The colour of the vehicle at <paramref name="vehicleIndex"/> (0-based, plates in order) of a plan of <paramref name="category"/>.</summary>
    /// <param name="category">The plan's category.</param>
    /// <param name="vehicleIndex">The vehicle's position among the plan's plates.</param>
    /// <returns>A CSS hex colour.</returns>
    public static string Colour(WasteCategory category, int vehicleIndex)
    {
        var shades = Shades.GetValueOrDefault(category) ?? Shades[WasteCategory.Other];
        return shades[Math.Abs(vehicleIndex) % shades.Length];
    }

    /// <summary>The FeatureCollection of <paramref name="plans"/>.</summary>
    /// <param name="plans">Plans, e.g. <see cref="DailyPlanSet.Plans"/>.</param>
    /// <returns>A JSON object <c>{ "type": "FeatureCollection", "features": [ … ] }</c>, ready to serialise.</returns>
    public static JsonObject ToFeatureCollection(IEnumerable<DailyPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var features = new JsonArray();
        var facilities = new Dictionary<string, (double Lon, double Lat, string Name, SortedSet<string> Categories)>(StringComparer.Ordinal);
        var depots = new HashSet<(double, double, string)>();
        foreach (var plan in plans)
        {
            var category = plan.Category.ToString();
            if (depots.Add((plan.DepotLongitude, plan.DepotLatitude, plan.AreaCode)))
            {
                features.Add(Feature(Point(plan.DepotLongitude, plan.DepotLatitude), new JsonObject
                {
                    ["kind"] = "depot",
                    ["name"] = plan.DepotName,
                    ["area"] = plan.AreaCode,
                    ["district"] = plan.DistrictCode,
                }));
            }

            var plates = plan.Trips.Select(t => t.VehiclePlate).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var vehicleTrips in plan.Trips.GroupBy(t => t.VehiclePlate))
            {
                var colour = Colour(plan.Category, plates.IndexOf(vehicleTrips.Key));
                var at = (plan.DepotLongitude, plan.DepotLatitude);
                foreach (var trip in vehicleTrips.OrderBy(t => t.VehicleTrip))
                {
                    var line = new JsonArray { Position(at.DepotLongitude, at.DepotLatitude) };
                    foreach (var stop in trip.Stops.OrderBy(s => s.Sequence))
                    {
                        line.Add(Position(stop.Longitude, stop.Latitude));
                        features.Add(Feature(Point(stop.Longitude, stop.Latitude), new JsonObject
                        {
                            ["kind"] = "stop",
                            ["site"] = stop.SiteCode,
                            ["name"] = stop.SiteName,
                            ["district"] = plan.DistrictCode,
                            ["area"] = plan.AreaCode,
                            ["category"] = category,
                            ["plate"] = trip.VehiclePlate,
                            ["trip"] = trip.VehicleTrip,
                            ["sequence"] = stop.Sequence,
                            ["demandKg"] = stop.DemandKg,
                            ["arrivesAt"] = Clock(stop.ArrivesAt),
                            ["colour"] = colour,
                        }));
                    }

                    line.Add(Position(trip.FacilityLongitude, trip.FacilityLatitude));
                    if (trip.ReturnsToDepotAt is not null)
                    {
                        line.Add(Position(plan.DepotLongitude, plan.DepotLatitude));
                    }

                    features.Add(Feature(new JsonObject { ["type"] = "LineString", ["coordinates"] = line }, new JsonObject
                    {
                        ["kind"] = "trip",
                        ["district"] = plan.DistrictCode,
                        ["area"] = plan.AreaCode,
                        ["category"] = category,
                        ["plate"] = trip.VehiclePlate,
                        ["trip"] = trip.VehicleTrip,
                        ["loadKg"] = trip.LoadKg,
                        ["distanceM"] = trip.DistanceMetres,
                        ["departsAt"] = Clock(trip.DepartsAt),
                        ["unloadsAt"] = Clock(trip.UnloadsAt),
                        ["returnsAt"] = trip.ReturnsToDepotAt is { } r ? Clock(r) : null,
                        ["facility"] = trip.FacilityCode,
                        ["stops"] = trip.Stops.Count,
                        ["colour"] = colour,
                    }));
                    if (!facilities.TryGetValue(trip.FacilityCode, out var f))
                    {
                        f = (trip.FacilityLongitude, trip.FacilityLatitude, trip.FacilityName, new SortedSet<string>(StringComparer.Ordinal));
                        facilities.Add(trip.FacilityCode, f);
                    }

                    f.Categories.Add(category);
                    at = (trip.FacilityLongitude, trip.FacilityLatitude);
                }
            }

            foreach (var u in plan.Unserved)
            {
                features.Add(Feature(Point(u.Longitude, u.Latitude), new JsonObject
                {
                    ["kind"] = "unserved",
                    ["site"] = u.SiteCode,
                    ["name"] = u.SiteName,
                    ["district"] = plan.DistrictCode,
                    ["area"] = plan.AreaCode,
                    ["category"] = category,
                    ["demandKg"] = u.DemandKg,
                    ["reason"] = u.Reason,
                    ["reasonCode"] = u.ReasonCode,
                    ["reasonZh"] = u.ReasonZh,
                }));
            }
        }

        foreach (var (code, f) in facilities.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            features.Add(Feature(Point(f.Lon, f.Lat), new JsonObject
            {
                ["kind"] = "facility",
                ["code"] = code,
                ["name"] = f.Name,
                ["categories"] = new JsonArray(f.Categories.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            }));
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonObject Feature(JsonObject geometry, JsonObject properties) =>
        new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };

    private static JsonObject Point(double lon, double lat) => new() { ["type"] = "Point", ["coordinates"] = Position(lon, lat) };

    private static JsonArray Position(double lon, double lat) => [Math.Round(lon, 6), Math.Round(lat, 6)];

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
