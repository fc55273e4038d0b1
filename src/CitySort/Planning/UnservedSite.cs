namespace CitySort.Planning;

/// <summary>A due site the plan leaves out, with the reason in words a clerk understands.</summary>
public sealed class UnservedSite
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The plan this belongs to.</summary>
    public int DailyPlanId { get; set; }

    /// <summary>The site's code.</summary>
    public required string SiteCode { get; set; }

    /// <summary>The site's name.</summary>
    public required string SiteName { get; set; }

    /// <summary>Site longitude, WGS-84 degrees.</summary>
    public double Longitude { get; set; }

    /// <summary>Site latitude, WGS-84 degrees.</summary>
    public double Latitude { get; set; }

    /// <summary>Kilograms due.</summary>
    public long DemandKg { get; set; }

    /// <summary>Why the site is not served.</summary>
    public required string Reason { get; set; }
}
