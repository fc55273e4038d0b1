using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A site with its bins and its gaps against its type's bin rule.</summary>
/// <param name="Code">Site code.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">Site type.</param>
/// <param name="RuleClause">The clause of its type's rule (W96-B1..B4).</param>
/// <param name="DistrictCode">6-digit district code.</param>
/// <param name="DistrictName">District name, or null.</param>
/// <param name="StreetCode">Street code, or null.</param>
/// <param name="StreetName">Street name, or null.</param>
/// <param name="DistrictNameEn">English district name (from the profile, else the registry), or null.</param>
/// <param name="StreetNameEn">English street name when the profile names the street, else null.</param>
/// <param name="CommunityCode">Community code, or null.</param>
/// <param name="CommunityName">Community name, or null.</param>
/// <param name="AreaIds">Profile areas the site lies in (e.g. <c>development-zone</c>).</param>
/// <param name="Address">Address.</param>
/// <param name="Latitude">WGS-84 latitude, degrees.</param>
/// <param name="Longitude">WGS-84 longitude, degrees.</param>
/// <param name="Datum">The datum the coordinates arrived in (stored converted to WGS-84).</param>
/// <param name="Households">Households, or null.</param>
/// <param name="Staff">Staff or pupils, or null.</param>
/// <param name="Floors">Floors of the tallest building.</param>
/// <param name="HasPropertyManagement">Managed by a property company.</param>
/// <param name="HasCanteen">Has a canteen (catering-waste bins, W96-B2/B3).</param>
/// <param name="IsWetDryPilot">A wet/dry pilot compound (W96-B1).</param>
/// <param name="IsBaggedZone">On a main road, square or commercial street (bagged bins, W96-B4).</param>
/// <param name="CollectedSorted">Its waste is collected sorted (part of "covered", W96-T1).</param>
/// <param name="Compliant">True when it has no gap.</param>
/// <param name="Bins">Its bins.</param>
/// <param name="Gaps">Its gaps, each with the clause it breaks.</param>
/// <param name="IsIllustrative">True when the record is illustrative (made up by the demo city), not a real one.</param>
/// <param name="IsKitchenWasteHeavy">True for a public place where much kitchen waste arises (W96-B4).</param>
/// <param name="RetiredAt">When the record was retired (UTC), or null while in service (docs/registry.md, "Retiring").</param>
/// <param name="Version">The record's version, to send back with an edit (409 when it changed since).</param>
public sealed record SiteDetail(
    string Code,
    string Name,
    SiteType Type,
    string RuleClause,
    string DistrictCode,
    string? DistrictName,
    string? StreetCode,
    string? StreetName,
    string? DistrictNameEn,
    string? StreetNameEn,
    string? CommunityCode,
    string? CommunityName,
    IReadOnlyList<string> AreaIds,
    string Address,
    double Latitude,
    double Longitude,
    CoordinateDatum Datum,
    int? Households,
    int? Staff,
    int Floors,
    bool HasPropertyManagement,
    bool HasCanteen,
    bool IsWetDryPilot,
    bool IsBaggedZone,
    bool CollectedSorted,
    bool Compliant,
    IReadOnlyList<BinView> Bins,
    IReadOnlyList<GapView> Gaps,
    bool IsIllustrative,
    bool IsKitchenWasteHeavy = false,
    DateTimeOffset? RetiredAt = null,
    int Version = 0);
