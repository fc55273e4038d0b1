namespace CitySort.Registry;

/// <summary>
/// A dedicated line as an office adds or changes it (<c>POST /api/lines</c>, <c>PUT /api/lines/{code}</c>): the fields
/// of the lines CSV (docs/formats.md, "Lines CSV") as JSON, checked as an imported row is (W96-T3).
/// </summary>
public sealed record LineEdit
{
    /// <summary>The line's code; required to add, and when given to change it must be the line's own.</summary>
    public string? Code { get; init; }

    /// <summary>The line's name.</summary>
    public string? Name { get; init; }

    /// <summary>The 6-digit code of the district that runs the line.</summary>
    public string? DistrictCode { get; init; }

    /// <summary>The area it counts for: the district code or a profile area; the district code when null.</summary>
    public string? AreaCode { get; init; }

    /// <summary>The category it carries, or null for a special-stream line.</summary>
    public WasteCategory? Category { get; init; }

    /// <summary>The special stream it carries, or null.</summary>
    public SpecialStream? Stream { get; init; }

    /// <summary>The code of the facility it ends at (in service, accepting what it carries).</summary>
    public string? FacilityCode { get; init; }

    /// <summary>The plate of the vehicle that usually runs it, or null.</summary>
    public string? VehiclePlate { get; init; }

    /// <summary>The site codes of its stops in visiting order (each once, sites in service).</summary>
    public IReadOnlyList<string> Stops { get; init; } = [];

    /// <summary>To change a line: the <see cref="DedicatedLine.Version"/> the edit was made from (409 when changed since). Ignored when adding.</summary>
    public int? Version { get; init; }
}
