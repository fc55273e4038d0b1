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

    /// <summary>Why the site is not served, in English (as stored; worded by <see cref="UnservedReason"/>).</summary>
    public required string Reason { get; set; }

    /// <summary>
    /// The kind of the reason: <c>tooHeavy</c>, <c>tooFar</c>, <c>searchLimit</c>, <c>noVehicle</c>, <c>noFacility</c>
    /// or <c>other</c> (see <see cref="UnservedReason"/>). Read from the English reason, not stored.
    /// </summary>
    public string ReasonCode => UnservedReason.Describe(Reason).Code;

    /// <summary>Why the site is not served, in Chinese (read from the English reason, not stored).</summary>
    public string ReasonZh => UnservedReason.Describe(Reason).Zh;
}
