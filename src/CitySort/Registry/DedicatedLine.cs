namespace CitySort.Registry;

/// <summary>
/// A dedicated sorted-transport line (分运专线, W96-T3): one category or special stream, an ordered list of site
/// stops, ending at one facility. Natural key: <see cref="Code"/>.
/// </summary>
public sealed class DedicatedLine : IRetirableRecord
{
    /// <summary>The line's code: 1 to 32 letters, digits, '-' or '_'.</summary>
    public required string Code { get; set; }

    /// <summary>The line's name.</summary>
    public required string Name { get; set; }

    /// <summary>The 6-digit code of the district that runs the line.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>The district (navigation).</summary>
    public District? District { get; set; }

    /// <summary>The area the line counts for: the district code or a profile area code (W96-T3).</summary>
    public required string AreaCode { get; set; }

    /// <summary>The category the line carries, or <c>null</c> for a special-stream line.</summary>
    public WasteCategory? Category { get; set; }

    /// <summary>The special stream the line carries (catering waste), or <c>null</c>.</summary>
    public SpecialStream? Stream { get; set; }

    /// <summary>The code of the facility the line ends at.</summary>
    public required string FacilityCode { get; set; }

    /// <summary>The facility (navigation).</summary>
    public Facility? Facility { get; set; }

    /// <summary>The plate of the vehicle that usually runs the line, or <c>null</c>.</summary>
    public string? VehiclePlate { get; set; }

    /// <summary>The site stops in visiting order (<see cref="DedicatedLineStop.Sequence"/> 1, 2, ...).</summary>
    public List<DedicatedLineStop> Stops { get; set; } = [];

    /// <summary>True when the line is an illustrative demo entry.</summary>
    public bool IsIllustrative { get; set; }

    /// <summary>Where the line came from (the imported file name, or <c>demo</c>).</summary>
    public string? Source { get; set; }

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
