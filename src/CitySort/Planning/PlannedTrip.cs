namespace CitySort.Planning;

/// <summary>
/// One trip of a dedicated vehicle: from its depot (first trip) or the facility where the previous trip unloaded,
/// through its stops in order, to a facility that accepts the category; the last trip then returns to the depot.
/// Times are local clock times on the plan's date.
/// </summary>
public sealed class PlannedTrip
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The plan this trip belongs to.</summary>
    public int DailyPlanId { get; set; }

    /// <summary>The vehicle's plate.</summary>
    public required string VehiclePlate { get; set; }

    /// <summary>The trip's number for its vehicle, from 1.</summary>
    public int VehicleTrip { get; set; }

    /// <summary>The facility where the trip unloads (registry code).</summary>
    public required string FacilityCode { get; set; }

    /// <summary>The facility's name.</summary>
    public required string FacilityName { get; set; }

    /// <summary>Facility longitude, WGS-84 degrees.</summary>
    public double FacilityLongitude { get; set; }

    /// <summary>Facility latitude, WGS-84 degrees.</summary>
    public double FacilityLatitude { get; set; }

    /// <summary>Kilograms collected on the trip; never more than the plan's capacity.</summary>
    public long LoadKg { get; set; }

    /// <summary>Metres driven: from the trip's start to the facility, plus the way back to the depot on the last trip.</summary>
    public long DistanceMetres { get; set; }

    /// <summary>When the trip starts (leaves the depot or the previous facility).</summary>
    public TimeOnly DepartsAt { get; set; }

    /// <summary>When the vehicle reaches the facility.</summary>
    public TimeOnly UnloadsAt { get; set; }

    /// <summary>When unloading is done.</summary>
    public TimeOnly UnloadedAt { get; set; }

    /// <summary>When the vehicle is back at its depot; set on its last trip only.</summary>
    public TimeOnly? ReturnsToDepotAt { get; set; }

    /// <summary>The stops in visiting order.</summary>
    public List<PlannedStop> Stops { get; set; } = [];
}
