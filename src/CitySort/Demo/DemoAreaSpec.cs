namespace CitySort.Demo;

/// <summary>
/// One area of the demo city: an urban district, or an area that the policy profile defines over streets (the
/// development zone, whose streets sit under Longwan in the 2023 codes and under 330371 in the 2021 codes).
/// </summary>
/// <param name="AreaCode">The district code for a district; the profile's area id (e.g. <c>development-zone</c>) otherwise.</param>
/// <param name="DistrictCode">The 6-digit district the area lies in (its host district for a zone).</param>
/// <param name="NameZh">Chinese name (e.g. 鹿城区).</param>
/// <param name="NameEn">English name (e.g. Lucheng).</param>
/// <param name="SiteCodePrefix">Prefix of the generated site codes (e.g. <c>LC</c>).</param>
/// <param name="CentreLongitude">Illustrative centre, WGS-84 longitude in degrees (seed of the illustrative boundary).</param>
/// <param name="CentreLatitude">Illustrative centre, WGS-84 latitude in degrees.</param>
/// <param name="Households">Resident households to spread over the area's residential compounds.</param>
/// <param name="Vehicles">Sorted-transport vehicles of the area (W96-T2 in the Wenzhou profile).</param>
/// <param name="DedicatedLines">Dedicated lines of the area (W96-T3 in the Wenzhou profile).</param>
/// <param name="StreetCodes">
/// For a zone: its street codes of every vintage, in order of preference (a street present under two codes is used
/// once, by its first code). Empty for a district: all its streets that no zone claims.
/// </param>
public sealed record DemoAreaSpec(
    string AreaCode,
    string DistrictCode,
    string NameZh,
    string NameEn,
    string SiteCodePrefix,
    double CentreLongitude,
    double CentreLatitude,
    int Households,
    int Vehicles,
    int DedicatedLines,
    IReadOnlyList<string> StreetCodes)
{
    /// <summary>True when the area is a district itself (its code is its district code).</summary>
    public bool IsDistrict => AreaCode == DistrictCode;
}
