using System.Text.RegularExpressions;

namespace CitySort.Registry;

/// <summary>
/// The invariants of the registry entities: division codes are digit strings of the right length (6 district,
/// 9 street, 12 community; NBS statistical division codes), a child's code starts with its parent's code, counts
/// are not negative, coordinates are on the globe. Pure functions: they read no database.
/// </summary>
public static partial class RegistryValidator
{
    /// <summary>Length of a county-level (district) code.</summary>
    public const int DistrictCodeLength = 6;

    /// <summary>Length of a township-level (street) code.</summary>
    public const int StreetCodeLength = 9;

    /// <summary>Length of a village-level (community) code.</summary>
    public const int CommunityCodeLength = 12;

    /// <summary>True when <paramref name="code"/> is exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool IsDivisionCode(string? code, int length) =>
        code is not null && code.Length == length && code.All(char.IsAsciiDigit);

    /// <summary>True when <paramref name="code"/> is 1 to 32 ASCII letters, digits, '-' or '_' (site, facility, hauler, line codes).</summary>
    public static bool IsEntityCode(string? code) => code is not null && EntityCode().IsMatch(code);

    /// <summary>
    /// True when <paramref name="plate"/> is a Chinese licence plate (GA 36): a province character, the letter of the
    /// issuing office (not I or O) and 5 letters or digits, or 6 for a new-energy plate, written without separators.
    /// </summary>
    public static bool IsPlate(string? plate) => plate is not null && Plate().IsMatch(plate);

    /// <summary>Checks a hauler's code and name.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Hauler hauler)
    {
        var problems = new List<RegistryProblem>();
        if (!IsEntityCode(hauler.Code))
        {
            problems.Add(new("code", $"hauler code '{hauler.Code}' must be 1 to 32 letters, digits, '-' or '_'", $"运输单位编码“{hauler.Code}”须为 1 至 32 个字母、数字、“-”或“_”"));
        }

        CheckName(problems, "name", hauler.Name);
        return problems;
    }

    /// <summary>Checks a district's code and name.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(District district)
    {
        var problems = new List<RegistryProblem>();
        CheckDivisionCode(problems, "code", district.Code, DistrictCodeLength, "district");
        CheckName(problems, "name", district.NameZh);
        return problems;
    }

    /// <summary>Checks a street's code, name and that its code starts with its district's code.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Street street)
    {
        var problems = new List<RegistryProblem>();
        CheckDivisionCode(problems, "code", street.Code, StreetCodeLength, "street");
        CheckDivisionCode(problems, "district_code", street.DistrictCode, DistrictCodeLength, "district");
        CheckName(problems, "name", street.Name);
        if (problems.Count == 0 && !street.Code.StartsWith(street.DistrictCode, StringComparison.Ordinal))
        {
            problems.Add(new("code", $"street code {street.Code} does not start with its district code {street.DistrictCode}", $"街道代码 {street.Code} 不以其所属区代码 {street.DistrictCode} 开头"));
        }

        return problems;
    }

    /// <summary>Checks a community's code, name, households and that its code starts with its street's code.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Community community)
    {
        var problems = new List<RegistryProblem>();
        CheckDivisionCode(problems, "code", community.Code, CommunityCodeLength, "community");
        CheckDivisionCode(problems, "street_code", community.StreetCode, StreetCodeLength, "street");
        CheckName(problems, "name", community.Name);
        if (problems.Count == 0 && !community.Code.StartsWith(community.StreetCode, StringComparison.Ordinal))
        {
            problems.Add(new("code", $"community code {community.Code} does not start with its street code {community.StreetCode}", $"社区代码 {community.Code} 不以其所属街道代码 {community.StreetCode} 开头"));
        }

        if (community.Households < 0)
        {
            problems.Add(new("households", $"households must be 0 or more, not {community.Households}", $"households（户数）须为 0 或以上，而不是 {community.Households}"));
        }

        return problems;
    }

    /// <summary>
    /// Checks a site: code, name, division codes and their nesting, WGS-84 point, counts (households, staff, floors,
    /// bins) and that each bin has exactly one of category and stream and a positive volume.
    /// </summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Site site)
    {
        var problems = new List<RegistryProblem>();
        if (!IsEntityCode(site.Code))
        {
            problems.Add(new("code", $"site code '{site.Code}' must be 1 to 32 letters, digits, '-' or '_'", $"点位编码“{site.Code}”须为 1 至 32 个字母、数字、“-”或“_”"));
        }

        CheckName(problems, "name", site.Name);
        if (!Enum.IsDefined(site.Type))
        {
            problems.Add(new("type", $"unknown site type {(int)site.Type}", $"未知的点位类型 {(int)site.Type}"));
        }

        CheckDivisionCode(problems, "district_code", site.DistrictCode, DistrictCodeLength, "district");
        if (site.StreetCode is not null)
        {
            CheckDivisionCode(problems, "street_code", site.StreetCode, StreetCodeLength, "street");
            if (IsDivisionCode(site.StreetCode, StreetCodeLength) && IsDivisionCode(site.DistrictCode, DistrictCodeLength)
                && !site.StreetCode.StartsWith(site.DistrictCode, StringComparison.Ordinal))
            {
                problems.Add(new("street_code", $"street {site.StreetCode} is not in district {site.DistrictCode}", $"街道 {site.StreetCode} 不在区 {site.DistrictCode} 之内"));
            }
        }

        if (site.CommunityCode is not null)
        {
            CheckDivisionCode(problems, "community_code", site.CommunityCode, CommunityCodeLength, "community");
            if (site.StreetCode is null)
            {
                problems.Add(new("street_code", "a site with a community code needs its street code too", "填了社区代码的点位也须填街道代码"));
            }
            else if (IsDivisionCode(site.CommunityCode, CommunityCodeLength)
                && !site.CommunityCode.StartsWith(site.StreetCode, StringComparison.Ordinal))
            {
                problems.Add(new("community_code", $"community {site.CommunityCode} is not in street {site.StreetCode}", $"社区 {site.CommunityCode} 不在街道 {site.StreetCode} 之内"));
            }
        }

        if (!double.IsFinite(site.Longitude) || site.Longitude is < -180 or > 180)
        {
            problems.Add(new("longitude", $"longitude {site.Longitude} is not between -180 and 180 degrees", $"经度 {site.Longitude} 不在 -180 至 180 度之间"));
        }

        if (!double.IsFinite(site.Latitude) || site.Latitude is < -90 or > 90)
        {
            problems.Add(new("latitude", $"latitude {site.Latitude} is not between -90 and 90 degrees", $"纬度 {site.Latitude} 不在 -90 至 90 度之间"));
        }

        if (site.Households < 0)
        {
            problems.Add(new("households", $"households must be 0 or more, not {site.Households}", $"households（户数）须为 0 或以上，而不是 {site.Households}"));
        }

        if (site.Staff < 0)
        {
            problems.Add(new("staff", $"staff must be 0 or more, not {site.Staff}", $"staff（人数）须为 0 或以上，而不是 {site.Staff}"));
        }

        if (site.Floors < 0)
        {
            problems.Add(new("floors", $"floors must be 0 or more, not {site.Floors}", $"floors（层数）须为 0 或以上，而不是 {site.Floors}"));
        }

        foreach (var bin in site.Bins)
        {
            problems.AddRange(Validate(bin));
        }

        return problems;
    }

    /// <summary>Checks one bin group: exactly one of category and stream, count at least 0, volume above 0.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Bin bin)
    {
        var problems = new List<RegistryProblem>();
        if (bin.Category is null == bin.Stream is null)
        {
            problems.Add(new("bins", "a bin has exactly one category (C1..C4) or one special stream", "一项桶须且只须有一个分类（C1..C4）或一种专项垃圾"));
        }

        if (bin.Count < 0)
        {
            problems.Add(new("bins", $"bin count must be 0 or more, not {bin.Count}", $"桶数须为 0 或以上，而不是 {bin.Count}"));
        }

        if (bin.VolumeLitres <= 0)
        {
            problems.Add(new("bins", $"bin volume must be more than 0 litres, not {bin.VolumeLitres}", $"桶容积须大于 0 升，而不是 {bin.VolumeLitres}"));
        }

        return problems;
    }

    /// <summary>Checks a facility: code, name, point, non-negative gate fee and capacity.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Facility facility)
    {
        var problems = new List<RegistryProblem>();
        if (!IsEntityCode(facility.Code))
        {
            problems.Add(new("code", $"facility code '{facility.Code}' must be 1 to 32 letters, digits, '-' or '_'", $"设施编码“{facility.Code}”须为 1 至 32 个字母、数字、“-”或“_”"));
        }

        CheckName(problems, "name", facility.Name);
        if (!Enum.IsDefined(facility.Kind))
        {
            problems.Add(new("kind", $"unknown facility kind {(int)facility.Kind}", $"未知的设施类型 {(int)facility.Kind}"));
        }

        if (!double.IsFinite(facility.Longitude) || facility.Longitude is < -180 or > 180)
        {
            problems.Add(new("longitude", $"longitude {facility.Longitude} is not between -180 and 180 degrees", $"经度 {facility.Longitude} 不在 -180 到 180 度之间"));
        }

        if (!double.IsFinite(facility.Latitude) || facility.Latitude is < -90 or > 90)
        {
            problems.Add(new("latitude", $"latitude {facility.Latitude} is not between -90 and 90 degrees", $"纬度 {facility.Latitude} 不在 -90 到 90 度之间"));
        }

        if (facility.GateFeeYuanPerTonne < 0)
        {
            problems.Add(new("gate_fee_yuan_per_tonne", "the gate fee must be 0 or more", "处理费须为 0 或以上"));
        }

        if (facility.DailyCapacityTonnes < 0)
        {
            problems.Add(new("daily_capacity_tonnes", "the daily capacity must be 0 or more", "日处理能力须为 0 或以上"));
        }

        return problems;
    }

    /// <summary>Checks a vehicle: plate, district code, positive capacities, at most one dedication.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(Vehicle vehicle)
    {
        var problems = new List<RegistryProblem>();
        if (string.IsNullOrWhiteSpace(vehicle.Plate) || vehicle.Plate.Length > 16)
        {
            problems.Add(new("plate", "the plate must be 1 to 16 characters", "车牌须为 1 至 16 个字符"));
        }

        CheckDivisionCode(problems, "district_code", vehicle.DistrictCode, DistrictCodeLength, "district");
        if (vehicle.CapacityKg <= 0)
        {
            problems.Add(new("capacity_kg", "the capacity must be more than 0 kg", "载重须大于 0 千克"));
        }

        if (vehicle.CapacityCubicMetres <= 0)
        {
            problems.Add(new("capacity_m3", "the capacity must be more than 0 m³", "容积须大于 0 立方米"));
        }

        if (vehicle.DedicatedCategory is not null && vehicle.DedicatedStream is not null)
        {
            problems.Add(new("dedicated", "a vehicle is dedicated to one category or one stream, not both", "一辆车只专用于一个分类或一种专项垃圾，不能两者都有"));
        }

        return problems;
    }

    /// <summary>Checks a dedicated line: code, district, exactly one of category and stream, stops numbered 1..n.</summary>
    /// <returns>The problems found; empty when valid.</returns>
    public static IReadOnlyList<RegistryProblem> Validate(DedicatedLine line)
    {
        var problems = new List<RegistryProblem>();
        if (!IsEntityCode(line.Code))
        {
            problems.Add(new("code", $"line code '{line.Code}' must be 1 to 32 letters, digits, '-' or '_'", $"线路编码“{line.Code}”须为 1 至 32 个字母、数字、“-”或“_”"));
        }

        CheckName(problems, "name", line.Name);
        CheckDivisionCode(problems, "district_code", line.DistrictCode, DistrictCodeLength, "district");
        if (line.Category is null == line.Stream is null)
        {
            problems.Add(new("category", "a dedicated line carries exactly one category or one special stream (W96-T3)", "分运专线须且只须运一个分类或一种专项垃圾（W96-T3）"));
        }

        var sequences = line.Stops.Select(s => s.Sequence).Order().ToList();
        if (!sequences.SequenceEqual(Enumerable.Range(1, sequences.Count)))
        {
            problems.Add(new("stops", "stops must be numbered 1, 2, 3, ... without gaps", "站点须按 1、2、3……连续编号"));
        }

        return problems;
    }

    private static void CheckDivisionCode(List<RegistryProblem> problems, string field, string? code, int length, string level)
    {
        if (!IsDivisionCode(code, length))
        {
            problems.Add(new(field, $"'{code}' is not a {level} code: it must be exactly {length} digits", $"“{code}”不是{LevelZh(level)}代码：须为 {length} 位数字"));
        }
    }

    private static void CheckName(List<RegistryProblem> problems, string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new(field, "the name is empty", "名称为空"));
        }
        else if (name.Length > 200)
        {
            problems.Add(new(field, "the name is longer than 200 characters", "名称超过 200 个字符"));
        }
    }

    private static string LevelZh(string level) => level switch
    {
        "district" => "区",
        "street" => "街道",
        "community" => "社区",
        _ => level,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntityCode();

    [GeneratedRegex("^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Plate();
}
