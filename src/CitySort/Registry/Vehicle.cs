namespace CitySort.Registry;

/// <summary>
/// A sorted-transport vehicle (分类运输车, <c>DedicatedVehicle</c> when it carries one category; W96-T2, W96-K5).
/// Natural key: <see cref="Plate"/>.
/// </summary>
public sealed class Vehicle : IRetirableRecord
{
    /// <summary>The licence plate (e.g. <c>浙C12345</c>), without separators.</summary>
    public required string Plate { get; set; }

    /// <summary>The 6-digit code of the district the vehicle is registered with.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>The district (navigation).</summary>
    public District? District { get; set; }

    /// <summary>
    /// The area the vehicle counts for in the targets: the district code, or a profile area code (such as the
    /// development zone's) for the areas the profile defines over streets (W96-T2).
    /// </summary>
    public required string AreaCode { get; set; }

    /// <summary>The code of the operating hauler.</summary>
    public required string HaulerCode { get; set; }

    /// <summary>The hauler (navigation).</summary>
    public Hauler? Hauler { get; set; }

    /// <summary>The one category the vehicle is dedicated to, or <c>null</c>.</summary>
    public WasteCategory? DedicatedCategory { get; set; }

    /// <summary>The one special stream the vehicle is dedicated to, or <c>null</c>.</summary>
    public SpecialStream? DedicatedStream { get; set; }

    /// <summary>Payload capacity in kilograms; greater than 0.</summary>
    public int CapacityKg { get; set; }

    /// <summary>Body capacity in cubic metres; greater than 0.</summary>
    public decimal CapacityCubicMetres { get; set; }

    /// <summary>True for a sealed body, as whole-process sorting requires (W96-K5).</summary>
    public bool Sealed { get; set; }

    /// <summary>True when the vehicle is an illustrative demo entry.</summary>
    public bool IsIllustrative { get; set; }

    /// <summary>Where the vehicle came from (the imported file name, or <c>demo</c>).</summary>
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
