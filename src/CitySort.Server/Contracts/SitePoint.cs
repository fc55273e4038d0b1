using CitySort.Registry;

namespace CitySort.Server.Contracts;

/// <summary>A site as a point on the map: the least the overview needs to draw and colour it.</summary>
/// <param name="Code">Site code.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">Site type.</param>
/// <param name="DistrictCode">6-digit district code.</param>
/// <param name="Latitude">WGS-84 latitude, degrees.</param>
/// <param name="Longitude">WGS-84 longitude, degrees.</param>
/// <param name="Compliant">True when its bins meet its type's rule (W96-B1..B4).</param>
/// <param name="IsIllustrative">True when the record is illustrative (made up by the demo city), not a real one.</param>
public sealed record SitePoint(string Code, string Name, SiteType Type, string DistrictCode, double Latitude, double Longitude, bool Compliant, bool IsIllustrative);
