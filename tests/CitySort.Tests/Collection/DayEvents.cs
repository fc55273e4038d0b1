using CitySort.Collection;
using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Tests.Collection;

/// <summary>
/// Builds one vehicle's events of the test day 2015-12-01 (Asia/Shanghai) by local clock time, and the registry
/// facts the rules read. Points are near (120.65 E, 28.00 N): there 0.001° of latitude is 111.2 m
/// (6,371,008.8 m × π/180 × 0.001) and 0.001° of longitude 98.2 m (× cos 28° = 0.8829).
/// </summary>
internal static class DayEvents
{
    public const string Plate = "浙C0001";
    public const string Device = "obu-1";
    public const string Weighbridge = "wb-1";

    public static readonly DateOnly Day = new(2015, 12, 1);

    public static readonly ViolationRules Rules = ViolationRules.From(ProfileLoader.LoadDefault());

    public static readonly IReadOnlyDictionary<string, FacilityRuleFacts> Facilities = new Dictionary<string, FacilityRuleFacts>
    {
        ["WTE"] = new("WTE", [WasteCategory.Other], []),
        ["TS"] = new("TS", [WasteCategory.Other, WasteCategory.Recyclable], []),
        ["KWP"] = new("KWP", [WasteCategory.Kitchen], [SpecialStream.Catering]),
    };

    public static DateTimeOffset At(string hhmm) =>
        new(Day.ToDateTime(TimeOnly.Parse(hhmm, System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromHours(8));

    public static PickupEvent Pickup(string id, string hhmm, string site, WasteCategory? category, SpecialStream? stream = null, string plate = Plate) =>
        new(id, Device, At(hhmm), false, plate, site, null, category, stream, 50m, null);

    public static WeighTicketEvent Ticket(string id, string hhmm, string facility, WasteCategory? category, SpecialStream? stream = null) =>
        new(id, Weighbridge, At(hhmm), false, facility, Plate, At(hhmm).AddMinutes(-10), At(hhmm), 9000m, 6000m, 3000m, category, stream);

    public static GpsFixEvent Fix(string id, string hhmm, double longitude, double latitude) =>
        new(id, Device, At(hhmm), false, Plate, new EventPoint(longitude, latitude, CoordinateDatum.Wgs84), 20, 90);

    public static VehicleRuleFacts Vehicle(WasteCategory? dedicated = null, bool isSealed = true) =>
        new(Plate, "330302", dedicated, null, isSealed, false);

    public static VehicleDayInput Input(VehicleRuleFacts vehicle, IReadOnlyList<CollectionEvent> events, PlannedRoute? plan = null, PlannedRoute? line = null) =>
        new(Day, vehicle, events, Facilities, plan, line, Rules);

    /// <summary>A one-trip plan over the given stops (codes at the given points), from a depot at the first point.</summary>
    public static PlannedRoute Plan(params (string Code, GeoPoint At)[] stops) =>
        new(
            "plan 2015-12-01 330302 Kitchen",
            true,
            stops.Select((s, i) => new RouteStop(s.Code, "site " + s.Code, 1, i + 1, s.At, new TimeOnly(6, i * 10))).ToList(),
            stops.Select(s => s.At).ToList(),
            null,
            null,
            null);
}
