using System.Text.Json.Serialization;
using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>
/// The plan of one area's dedicated vehicles of one category for one business day (issue 4 item 5; W96-T3 dedicated
/// lines, W96-K3 same-day clearance): the trips each vehicle makes, in order, each ending at a facility that accepts
/// the category, and the due sites left unserved, each with the reason. Stored in table <c>DailyPlans</c>; one per
/// (date, area, category). Times are local clock times of the profile's time zone on <see cref="Date"/>.
/// </summary>
public sealed class DailyPlan
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>
    /// True when the plan is over illustrative records (a demo vehicle or a demo site among its due sites), so that it
    /// is not read as a plan of the city's real fleet; <c>citysort demo remove</c> deletes such plans.
    /// </summary>
    public bool IsIllustrative { get; set; }

    /// <summary>The business day (Asia/Shanghai calendar day).</summary>
    public DateOnly Date { get; set; }

    /// <summary>The planning area: a district code, or a profile area id such as <c>development-zone</c>.</summary>
    public required string AreaCode { get; set; }

    /// <summary>The district the area belongs to (county-level division code).</summary>
    public required string DistrictCode { get; set; }

    /// <summary>The dedicated category planned.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<WasteCategory>))]
    public WasteCategory Category { get; set; }

    /// <summary>Id of the policy profile whose <c>planning</c> setting was used.</summary>
    public required string ProfileId { get; set; }

    /// <summary>Version of that profile.</summary>
    public required string ProfileVersion { get; set; }

    /// <summary>When the plan was made (UTC).</summary>
    public DateTimeOffset PlannedAtUtc { get; set; }

    /// <summary>Where the vehicles start and end: a depot's name.</summary>
    public required string DepotName { get; set; }

    /// <summary>Depot longitude, WGS-84 degrees.</summary>
    public double DepotLongitude { get; set; }

    /// <summary>Depot latitude, WGS-84 degrees.</summary>
    public double DepotLatitude { get; set; }

    /// <summary>Local time the vehicles leave.</summary>
    public TimeOnly ShiftStart { get; set; }

    /// <summary>Local time every vehicle must be back (same-day clearance, W96-K3).</summary>
    public TimeOnly ShiftEnd { get; set; }

    /// <summary>How many dedicated vehicles of the category the area has.</summary>
    public int VehicleCount { get; set; }

    /// <summary>The capacity per trip planned with, kg (the smallest of the area's vehicles of the category).</summary>
    public int CapacityKg { get; set; }

    /// <summary>How many sites were due.</summary>
    public int DueSiteCount { get; set; }

    /// <summary>Kilograms collected over all trips.</summary>
    public long TotalLoadKg { get; set; }

    /// <summary>Metres driven over all vehicles, depot to depot.</summary>
    public long TotalDistanceMetres { get; set; }

    /// <summary>The solver's seed.</summary>
    public int Seed { get; set; }

    /// <summary>The trips, ordered by vehicle plate and trip number.</summary>
    public List<PlannedTrip> Trips { get; set; } = [];

    /// <summary>Due sites left out, each with the reason.</summary>
    public List<UnservedSite> Unserved { get; set; } = [];
}
