using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A treatment or disposal facility (W96-F).</summary>
/// <param name="Code">Facility code.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">Kind of facility.</param>
/// <param name="AcceptedCategories">Household-waste categories it receives.</param>
/// <param name="AcceptedStreams">Special streams it receives.</param>
/// <param name="Latitude">WGS-84 latitude, degrees.</param>
/// <param name="Longitude">WGS-84 longitude, degrees.</param>
/// <param name="GateFeeYuanPerTonne">Disposal fee, yuan per tonne.</param>
/// <param name="DailyCapacityTonnes">Daily capacity, tonnes.</param>
/// <param name="Clause">The clause that calls for it (e.g. <c>W96-F2</c>), or null.</param>
/// <param name="IsIllustrative">True for demo values (the plan gives no fees, capacities or coordinates).</param>
/// <param name="RetiredAt">When the record was retired (UTC), or null while in service (docs/registry.md, "Retiring").</param>
/// <param name="Version">The record's version, to send back with an edit (409 when it changed since).</param>
public sealed record FacilityView(
    string Code,
    string Name,
    FacilityKind Kind,
    IReadOnlyList<WasteCategory> AcceptedCategories,
    IReadOnlyList<SpecialStream> AcceptedStreams,
    double Latitude,
    double Longitude,
    decimal GateFeeYuanPerTonne,
    decimal DailyCapacityTonnes,
    string? Clause,
    bool IsIllustrative,
    DateTimeOffset? RetiredAt = null,
    int Version = 0);
