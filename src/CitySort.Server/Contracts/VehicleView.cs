using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A sorted-transport vehicle (分类运输车, W96-T2).</summary>
/// <param name="Plate">Number plate.</param>
/// <param name="DistrictCode">6-digit district code.</param>
/// <param name="AreaCode">The district or profile area it counts for in W96-T2 (e.g. <c>development-zone</c>).</param>
/// <param name="HaulerCode">The hauler operating it.</param>
/// <param name="HaulerName">The hauler's name, or null.</param>
/// <param name="DedicatedCategory">The category it carries, or null.</param>
/// <param name="DedicatedStream">The special stream it carries, or null.</param>
/// <param name="CapacityKg">Payload, kg.</param>
/// <param name="CapacityCubicMetres">Body volume, m³.</param>
/// <param name="Sealed">Sealed body (W96-K5).</param>
/// <param name="IsIllustrative">True for demo values.</param>
/// <param name="RetiredAt">When the record was retired (UTC), or null while in service (docs/registry.md, "Retiring").</param>
/// <param name="Version">The record's version, to send back with an edit (409 when it changed since).</param>
public sealed record VehicleView(
    string Plate,
    string DistrictCode,
    string AreaCode,
    string HaulerCode,
    string? HaulerName,
    WasteCategory? DedicatedCategory,
    SpecialStream? DedicatedStream,
    int CapacityKg,
    decimal CapacityCubicMetres,
    bool Sealed,
    bool IsIllustrative,
    DateTimeOffset? RetiredAt = null,
    int Version = 0);
