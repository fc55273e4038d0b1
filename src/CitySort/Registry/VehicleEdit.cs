namespace CitySort.Registry;

/// <summary>
/// A vehicle as an office adds or changes it (<c>POST /api/vehicles</c>, <c>PUT /api/vehicles/{plate}</c>): the fields
/// of the vehicles CSV (docs/formats.md, "Vehicles CSV") as JSON, checked as an imported row is.
/// </summary>
public sealed record VehicleEdit
{
    /// <summary>The licence plate (GA 36, e.g. <c>浙C12345</c>; spaces and '-' are dropped); required to add, and when given to change it must be the vehicle's own.</summary>
    public string? Plate { get; init; }

    /// <summary>The 6-digit code of the district the vehicle is registered with.</summary>
    public string? DistrictCode { get; init; }

    /// <summary>The area it counts for (W96-T2): the district code or a profile area; the district code when null.</summary>
    public string? AreaCode { get; init; }

    /// <summary>The code of the operating hauler (in the registry).</summary>
    public string? HaulerCode { get; init; }

    /// <summary>The one category it is dedicated to, or null.</summary>
    public WasteCategory? DedicatedCategory { get; init; }

    /// <summary>The one special stream it is dedicated to, or null.</summary>
    public SpecialStream? DedicatedStream { get; init; }

    /// <summary>Payload capacity in kilograms; more than 0.</summary>
    public int CapacityKg { get; init; }

    /// <summary>Body capacity in cubic metres; more than 0.</summary>
    public decimal CapacityCubicMetres { get; init; }

    /// <summary>True for a sealed body (W96-K5).</summary>
    public bool Sealed { get; init; }

    /// <summary>To change a vehicle: the <see cref="Vehicle.Version"/> the edit was made from (409 when changed since). Ignored when adding.</summary>
    public int? Version { get; init; }
}
