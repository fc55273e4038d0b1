using System.Globalization;
using CitySort.Registry;

namespace CitySort.Imports;

/// <summary>Parsers of the sites CSV fields (docs/formats.md, "Sites CSV"). Each returns false with a reason.</summary>
internal static class SiteFieldParsers
{
    private static readonly Dictionary<string, SiteType> SiteTypes = new(StringComparer.Ordinal)
    {
        ["residentialcompound"] = SiteType.ResidentialCompound,
        ["住宅小区"] = SiteType.ResidentialCompound,
        ["institutionorenterprise"] = SiteType.InstitutionOrEnterprise,
        ["机关企事业单位"] = SiteType.InstitutionOrEnterprise,
        ["schoolorkindergarten"] = SiteType.SchoolOrKindergarten,
        ["中小学幼儿园"] = SiteType.SchoolOrKindergarten,
        ["publicplace"] = SiteType.PublicPlace,
        ["公共场所"] = SiteType.PublicPlace,
    };

    private static readonly Dictionary<string, (WasteCategory? Category, SpecialStream? Stream)> Kinds = new(StringComparer.Ordinal)
    {
        ["recyclable"] = (WasteCategory.Recyclable, null),
        ["c1"] = (WasteCategory.Recyclable, null),
        ["可回收物"] = (WasteCategory.Recyclable, null),
        ["hazardous"] = (WasteCategory.Hazardous, null),
        ["c2"] = (WasteCategory.Hazardous, null),
        ["有害垃圾"] = (WasteCategory.Hazardous, null),
        ["other"] = (WasteCategory.Other, null),
        ["c3"] = (WasteCategory.Other, null),
        ["其他垃圾"] = (WasteCategory.Other, null),
        ["kitchen"] = (WasteCategory.Kitchen, null),
        ["c4"] = (WasteCategory.Kitchen, null),
        ["厨余垃圾"] = (WasteCategory.Kitchen, null),
        ["catering"] = (null, SpecialStream.Catering),
        ["餐饮垃圾"] = (null, SpecialStream.Catering),
        ["bulky"] = (null, SpecialStream.Bulky),
        ["大件垃圾"] = (null, SpecialStream.Bulky),
        ["construction"] = (null, SpecialStream.ConstructionAndRenovation),
        ["constructionandrenovation"] = (null, SpecialStream.ConstructionAndRenovation),
        ["建筑垃圾"] = (null, SpecialStream.ConstructionAndRenovation),
    };

    private static readonly Dictionary<string, BinPlacement> Placements = new(StringComparer.Ordinal)
    {
        ["site"] = BinPlacement.Site,
        ["everyfloor"] = BinPlacement.EveryFloor,
        ["publicarea"] = BinPlacement.PublicArea,
        ["buildingentrance"] = BinPlacement.BuildingEntrance,
        ["canteen"] = BinPlacement.Canteen,
        ["collectionpoint"] = BinPlacement.CollectionPoint,
    };

    /// <summary>Lower-cases and drops '-', '_', ' ' and '、' so that <c>Residential-Compound</c> and <c>residential_compound</c> match.</summary>
    public static string Normalise(string value) =>
        new([.. value.Trim().ToLowerInvariant().Where(c => c is not ('-' or '_' or ' ' or '、'))]);

    public static bool TryParseSiteType(string value, out SiteType type, out Why reason)
    {
        reason = new Why(
            $"“{value}”不是点位类型：请用 住宅小区、机关企事业单位、中小学幼儿园、公共场所（或 residential-compound 等英文名）",
            $"'{value}' is not a site type: use residential-compound, institution-or-enterprise, school-or-kindergarten or public-place");
        return SiteTypes.TryGetValue(Normalise(value), out type);
    }

    public static bool TryParseDatum(string value, out CoordinateDatum datum, out Why reason)
    {
        reason = new Why($"“{value}”不是坐标系：请用 WGS84 或 GCJ02", $"'{value}' is not a datum: use WGS84 or GCJ02");
        return CoordinateDatumNames.TryParse(value, out datum);
    }

    public static bool TryParseDegrees(string value, double min, double max, string what, out double degrees, out Why reason)
    {
        reason = Why.None;
        var whatZh = max > 90 ? "经度" : "纬度";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out degrees) || !double.IsFinite(degrees))
        {
            // The example is a Wenzhou coordinate of the kind asked for: longitude about 120.7, latitude about 28.0.
            var example = max > 90 ? "120.6994" : "28.0152";
            reason = new Why($"“{value}”不是数字：请以十进制度数填写{whatZh}，例如 {example}", $"'{value}' is not a number: give the {what} in decimal degrees, e.g. {example}");
            return false;
        }

        if (degrees < min || degrees > max)
        {
            reason = new Why($"{whatZh} {value} 超出 {min}..{max} 度", $"{what} {value} is outside {min}..{max} degrees");
            return false;
        }

        return true;
    }

    /// <summary>Parses a whole number of at least 0; empty gives <c>null</c> when <paramref name="optional"/>.</summary>
    public static bool TryParseCount(string value, bool optional, out int? count, out Why reason)
    {
        reason = Why.None;
        count = null;
        if (value.Length == 0)
        {
            reason = new Why("值为空：请填 0 或以上的整数", "the value is empty: give a whole number of 0 or more");
            return optional;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            reason = new Why($"“{value}”不是整数", $"'{value}' is not a whole number");
            return false;
        }

        if (parsed < 0)
        {
            reason = new Why($"{parsed} 是负数：请填 0 或以上", $"{parsed} is negative: give 0 or more");
            return false;
        }

        count = parsed;
        return true;
    }

    /// <summary>Parses yes/no: true|false|yes|no|y|n|1|0|是|否; empty is false.</summary>
    public static bool TryParseFlag(string value, out bool flag, out Why reason)
    {
        reason = new Why($"“{value}”不是“是/否”：请用 是/否、yes/no、true/false 或 1/0", $"'{value}' is not yes or no: use true/false, yes/no, 1/0 or 是/否");
        switch (Normalise(value))
        {
            case "" or "false" or "no" or "n" or "0" or "否":
                flag = false;
                return true;
            case "true" or "yes" or "y" or "1" or "是":
                flag = true;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    /// <summary>
    /// Parses the compact bins field: items separated by ';', each <c>kind/placement/count/volume_litres[/bagged]</c>,
    /// e.g. <c>recyclable/every-floor/18/120;other/every-floor/18/120;hazardous/public-area/1/60</c>. Empty means no bins.
    /// </summary>
    public static bool TryParseBins(string value, out List<Bin> bins, out Why reason)
    {
        bins = [];
        reason = Why.None;
        var items = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split('/', StringSplitOptions.TrimEntries);
            var where = $"bin item {i + 1} '{items[i]}'";
            var whereZh = $"第 {i + 1} 项桶“{items[i]}”";
            if (parts.Length is < 4 or > 5)
            {
                reason = new Why($"{whereZh}须写成 类别/位置/数量/容积升[/bagged]，例如 recyclable/site/4/240", $"{where} must be kind/placement/count/volume_litres[/bagged], e.g. recyclable/site/4/240");
                return false;
            }

            if (!Kinds.TryGetValue(Normalise(parts[0]), out var kind))
            {
                reason = new Why($"{whereZh}：“{parts[0]}”不是分类或专项垃圾：请用 可回收物、有害垃圾、其他垃圾、厨余垃圾、餐饮垃圾、大件垃圾、建筑垃圾（或 recyclable 等英文名）", $"{where}: '{parts[0]}' is not a category or stream: use recyclable, hazardous, other, kitchen, catering, bulky or construction");
                return false;
            }

            if (!Placements.TryGetValue(Normalise(parts[1]), out var placement))
            {
                reason = new Why($"{whereZh}：“{parts[1]}”不是摆放位置：请用 site、every-floor、public-area、building-entrance、canteen 或 collection-point", $"{where}: '{parts[1]}' is not a placement: use site, every-floor, public-area, building-entrance, canteen or collection-point");
                return false;
            }

            if (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                reason = new Why($"{whereZh}：数量“{parts[2]}”不是 0 或以上的整数", $"{where}: the count '{parts[2]}' is not a whole number of 0 or more");
                return false;
            }

            if (!int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var volume) || volume <= 0)
            {
                reason = new Why($"{whereZh}：容积“{parts[3]}”不是大于 0 的整升数", $"{where}: the volume '{parts[3]}' is not a whole number of litres above 0");
                return false;
            }

            var bagged = false;
            if (parts.Length == 5)
            {
                if (Normalise(parts[4]) != "bagged")
                {
                    reason = new Why($"{whereZh}：第五部分只能是 bagged，不能是“{parts[4]}”", $"{where}: the fifth part may only be 'bagged', not '{parts[4]}'");
                    return false;
                }

                bagged = true;
            }

            bins.Add(new Bin { Category = kind.Category, Stream = kind.Stream, Placement = placement, Count = count, VolumeLitres = volume, Bagged = bagged });
        }

        return true;
    }

    /// <summary><c>ResidentialCompound</c> → <c>residential-compound</c>: how the formats spell enum values (the inverse of <see cref="Normalise"/>).</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Parses one category or special stream as the bins field spells it (e.g. <c>kitchen</c>, <c>C4</c>, <c>厨余垃圾</c>, <c>catering</c>).</summary>
    public static bool TryParseWasteKind(string value, out WasteCategory? category, out SpecialStream? stream, out Why reason)
    {
        reason = new Why(
            $"“{value}”不是分类或专项垃圾：可用 recyclable、hazardous、other、kitchen、catering、bulky 或 construction",
            $"'{value}' is not a category or stream: use recyclable, hazardous, other, kitchen, catering, bulky or construction");
        var found = Kinds.TryGetValue(Normalise(value), out var kind);
        (category, stream) = kind;
        return found;
    }
}
