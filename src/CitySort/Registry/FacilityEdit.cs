namespace CitySort.Registry;

/// <summary>
/// A facility as an office adds or changes it (<c>POST /api/facilities</c>, <c>PUT /api/facilities/{code}</c>): the
/// fields of the facilities CSV (docs/formats.md, "Facilities CSV") as JSON, checked as an imported row is.
/// </summary>
public sealed record FacilityEdit
{
    /// <summary>The facility's code; required to add, and when given to change it must be the facility's own.</summary>
    public string? Code { get; init; }

    /// <summary>The facility's name.</summary>
    public string? Name { get; init; }

    /// <summary>The kind of facility.</summary>
    public FacilityKind Kind { get; init; }

    /// <summary>The categories it accepts (each one of the profile's).</summary>
    public IReadOnlyList<WasteCategory> AcceptedCategories { get; init; } = [];

    /// <summary>The special streams it accepts (each one of the profile's).</summary>
    public IReadOnlyList<SpecialStream> AcceptedStreams { get; init; } = [];

    /// <summary>Longitude in degrees of <see cref="Datum"/>.</summary>
    public double Longitude { get; init; }

    /// <summary>Latitude in degrees of <see cref="Datum"/>.</summary>
    public double Latitude { get; init; }

    /// <summary>The datum of the point (WGS-84 by default; GCJ-02 is converted).</summary>
    public CoordinateDatum Datum { get; init; } = CoordinateDatum.Wgs84;

    /// <summary>The gate fee (处理费) in yuan per tonne; at least 0.</summary>
    public decimal GateFeeYuanPerTonne { get; init; }

    /// <summary>Daily treatment capacity in tonnes; at least 0.</summary>
    public decimal DailyCapacityTonnes { get; init; }

    /// <summary>The clause that names the facility (e.g. <c>W96-F3</c>), or null.</summary>
    public string? Clause { get; init; }

    /// <summary>To change a facility: the <see cref="Facility.Version"/> the edit was made from (409 when changed since). Ignored when adding.</summary>
    public int? Version { get; init; }
}
