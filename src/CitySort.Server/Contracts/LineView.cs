using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A dedicated sorted-transport line (分运专线, W96-T3) with its ordered stops.</summary>
/// <param name="Code">Line code.</param>
/// <param name="Name">Name.</param>
/// <param name="DistrictCode">6-digit district code.</param>
/// <param name="AreaCode">The district or profile area it counts for in W96-T3.</param>
/// <param name="Category">The category it carries, or null.</param>
/// <param name="Stream">The special stream it carries, or null.</param>
/// <param name="FacilityCode">The facility it delivers to.</param>
/// <param name="VehiclePlate">The vehicle that runs it, or null.</param>
/// <param name="StopSiteCodes">The site codes of its stops, in order.</param>
/// <param name="IsIllustrative">True for demo values.</param>
/// <param name="RetiredAt">When the record was retired (UTC), or null while in service (docs/registry.md, "Retiring").</param>
/// <param name="Version">The record's version, to send back with an edit (409 when it changed since).</param>
public sealed record LineView(
    string Code,
    string Name,
    string DistrictCode,
    string AreaCode,
    WasteCategory? Category,
    SpecialStream? Stream,
    string FacilityCode,
    string? VehiclePlate,
    IReadOnlyList<string> StopSiteCodes,
    bool IsIllustrative,
    DateTimeOffset? RetiredAt = null,
    int Version = 0);
