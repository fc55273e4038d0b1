using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A sorting site as the site table lists it.</summary>
/// <param name="Code">The site code (natural key).</param>
/// <param name="Name">Name.</param>
/// <param name="Type">Site type (W96-B1..B4).</param>
/// <param name="DistrictCode">6-digit district code.</param>
/// <param name="DistrictName">District name, or null.</param>
/// <param name="StreetCode">9-digit street code, or null.</param>
/// <param name="StreetName">Street name, or null.</param>
/// <param name="DistrictNameEn">English district name (from the profile, else the registry), or null.</param>
/// <param name="StreetNameEn">English street name when the profile names the street, else null.</param>
/// <param name="Address">Address.</param>
/// <param name="Latitude">WGS-84 latitude, degrees.</param>
/// <param name="Longitude">WGS-84 longitude, degrees.</param>
/// <param name="Households">Households (residential compounds), or null.</param>
/// <param name="Staff">Staff or pupils (agencies, enterprises, schools), or null.</param>
/// <param name="Compliant">True when its bins meet its type's rule.</param>
/// <param name="GapCount">Number of gaps against the rule.</param>
/// <param name="IsIllustrative">True when the record is illustrative (made up by the demo city), not a real one.</param>
/// <param name="RetiredAt">When the record was retired (UTC), or null while in service (docs/registry.md, "Retiring").</param>
/// <param name="Version">The record's version, to send back with an edit (409 when it changed since).</param>
public sealed record SiteListItem(
    string Code,
    string Name,
    SiteType Type,
    string DistrictCode,
    string? DistrictName,
    string? StreetCode,
    string? StreetName,
    string? DistrictNameEn,
    string? StreetNameEn,
    string Address,
    double Latitude,
    double Longitude,
    int? Households,
    int? Staff,
    bool Compliant,
    int GapCount,
    bool IsIllustrative,
    DateTimeOffset? RetiredAt = null,
    int Version = 0);
