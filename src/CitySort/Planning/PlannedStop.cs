namespace CitySort.Planning;

/// <summary>A site visited on a trip.</summary>
public sealed class PlannedStop
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The trip this stop belongs to.</summary>
    public int PlannedTripId { get; set; }

    /// <summary>Position on the trip, from 1.</summary>
    public int Sequence { get; set; }

    /// <summary>The site's code.</summary>
    public required string SiteCode { get; set; }

    /// <summary>The site's name.</summary>
    public required string SiteName { get; set; }

    /// <summary>Site longitude, WGS-84 degrees.</summary>
    public double Longitude { get; set; }

    /// <summary>Site latitude, WGS-84 degrees.</summary>
    public double Latitude { get; set; }

    /// <summary>Kilograms collected here.</summary>
    public long DemandKg { get; set; }

    /// <summary>Local time the vehicle arrives.</summary>
    public TimeOnly ArrivesAt { get; set; }
}
