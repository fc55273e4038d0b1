namespace CitySort.Registry;

/// <summary>
/// A treatment, disposal or transfer facility (W96-F). Natural key: <see cref="Code"/>. The plan gives no gate fees,
/// capacities or coordinates; values that are not real say so through <see cref="IsIllustrative"/>.
/// </summary>
public sealed class Facility : IRetirableRecord
{
    /// <summary>The facility's code: 1 to 32 letters, digits, '-' or '_'.</summary>
    public required string Code { get; set; }

    /// <summary>The facility's name.</summary>
    public required string Name { get; set; }

    /// <summary>The kind of facility.</summary>
    public FacilityKind Kind { get; set; }

    /// <summary>The household-waste categories it accepts.</summary>
    public List<WasteCategory> AcceptedCategories { get; set; } = [];

    /// <summary>The special streams it accepts.</summary>
    public List<SpecialStream> AcceptedStreams { get; set; } = [];

    /// <summary>Longitude in WGS-84 degrees.</summary>
    public double Longitude { get; set; }

    /// <summary>Latitude in WGS-84 degrees.</summary>
    public double Latitude { get; set; }

    /// <summary>The datum the point arrived in.</summary>
    public CoordinateDatum SourceDatum { get; set; } = CoordinateDatum.Wgs84;

    /// <summary>The gate fee (处理费) in yuan per tonne; at least 0.</summary>
    public decimal GateFeeYuanPerTonne { get; set; }

    /// <summary>Daily treatment capacity in tonnes; at least 0.</summary>
    public decimal DailyCapacityTonnes { get; set; }

    /// <summary>The clause that names the facility (e.g. <c>W96-F3</c>), or <c>null</c>.</summary>
    public string? Clause { get; set; }

    /// <summary>True when the point, gate fee and capacity are illustrative values, not real ones.</summary>
    public bool IsIllustrative { get; set; }

    /// <summary>Where the facility came from (file name or <c>demo</c>).</summary>
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
