namespace CitySort.Registry;

/// <summary>
/// A sorting site (分类投放点 of one unit): a residential compound, an agency or enterprise, a school or kindergarten,
/// or a public place, with its bins (W96-B1..B4). Natural key: <see cref="Code"/>. The point is stored in WGS-84 with
/// the datum it arrived in recorded (<see cref="SourceDatum"/>).
/// </summary>
public sealed class Site : IRetirableRecord
{
    /// <summary>The site's own code: 1 to 32 letters, digits, '-' or '_' (e.g. <c>LC-RC-0001</c>).</summary>
    public required string Code { get; set; }

    /// <summary>The site's name as the office knows it.</summary>
    public required string Name { get; set; }

    /// <summary>The kind of site, which selects its bin rule (W96-B1..B4).</summary>
    public SiteType Type { get; set; }

    /// <summary>The 6-digit code of the site's district.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>The district (navigation).</summary>
    public District? District { get; set; }

    /// <summary>The 9-digit code of the site's street, when known.</summary>
    public string? StreetCode { get; set; }

    /// <summary>The street (navigation).</summary>
    public Street? Street { get; set; }

    /// <summary>The 12-digit code of the site's community, when known.</summary>
    public string? CommunityCode { get; set; }

    /// <summary>The community (navigation).</summary>
    public Community? Community { get; set; }

    /// <summary>The postal address.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Longitude in WGS-84 degrees (converted on import when the source was GCJ-02).</summary>
    public double Longitude { get; set; }

    /// <summary>Latitude in WGS-84 degrees (converted on import when the source was GCJ-02).</summary>
    public double Latitude { get; set; }

    /// <summary>The datum the point arrived in; <see cref="CoordinateDatum.Gcj02"/> means it was converted.</summary>
    public CoordinateDatum SourceDatum { get; set; } = CoordinateDatum.Wgs84;

    /// <summary>Resident households (户) of a residential compound; <c>null</c> for other site types or when unknown.</summary>
    public int? Households { get; set; }

    /// <summary>People working or studying on site (staff, pupils) of other site types; <c>null</c> when unknown.</summary>
    public int? Staff { get; set; }

    /// <summary>Floors of the (tallest) building; 0 for an open public place. Drives the every-floor rules of W96-B1..B3.</summary>
    public int Floors { get; set; }

    /// <summary>True when the compound has property management (物业管理), a condition of the C4 pilot (W96-C0, W96-B1).</summary>
    public bool HasPropertyManagement { get; set; }

    /// <summary>True when the site has a canteen, which then needs catering-waste bins (W96-B2, W96-B3).</summary>
    public bool HasCanteen { get; set; }

    /// <summary>True for a compound picked by its district for the wet/dry (C4) pilot (W96-B1).</summary>
    public bool IsWetDryPilot { get; set; }

    /// <summary>True for a public place on a main road, square, footbridge, underpass or commercial street, whose bins are bagged (W96-B4).</summary>
    public bool IsBaggedZone { get; set; }

    /// <summary>True for a public place where much kitchen waste arises, which adds C4 (W96-B4).</summary>
    public bool IsKitchenWasteHeavy { get; set; }

    /// <summary>True when the site's waste is collected sorted (the second half of "covered", POLICY.md).</summary>
    public bool CollectedSorted { get; set; }

    /// <summary>Where the site came from (the imported file name, or <c>demo</c>).</summary>
    public string? Source { get; set; }

    /// <summary>
    /// True when the record is illustrative: made up by the demo city generator, not part of what the city really has.
    /// The API returns it on every view, the dashboard marks it, and <c>citysort demo remove</c> deletes it.
    /// </summary>
    public bool IsIllustrative { get; set; }

    /// <summary>The site's bins.</summary>
    public List<Bin> Bins { get; set; } = [];

    /// <summary>
    /// When the record was retired (UTC), or <c>null</c> while it is in service. A retired record stays in the registry
    /// so that the events, KPIs, plans and exports that name it keep their history; it is no longer planned, counted
    /// or listed as active, and events after this instant that name it are refused (docs/registry.md, "Retiring").
    /// </summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>
    /// The record's version, raised by one on every change (imports and edits alike); an edit names the version it
    /// was made from and is refused as a conflict when the record has changed since (optimistic concurrency).
    /// </summary>
    public int Version { get; set; }
}
