using System.Text.RegularExpressions;
using CitySort.Registry;

namespace CitySort.Imports;

/// <summary>A reason for refusing input, in Chinese and English, before it is placed in a file (see <see cref="ImportProblem"/>).</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
internal readonly record struct Why(string Zh, string En)
{
    /// <summary>No reason (a parser that succeeded).</summary>
    public static Why None => new(string.Empty, string.Empty);

    /// <summary>
    /// A registry invariant's reason. The registry's validator words its reasons in English; the sentences an import
    /// can meet are given in Chinese here, and any other keeps the English after a Chinese lead naming the field.
    /// </summary>
    /// <param name="problem">The validator's problem.</param>
    /// <param name="column">The file's column the field is read from.</param>
    /// <returns>The reason in both languages.</returns>
    public static Why Of(RegistryProblem problem, string column)
    {
        var en = problem.Reason;
        var levels = new Dictionary<string, string>(StringComparer.Ordinal) { ["district"] = "区", ["street"] = "街道", ["community"] = "社区" };
        Match m;
        if ((m = Regex.Match(en, @"^'(.*)' is not a (district|street|community) code: it must be exactly (\d+) digits$")).Success)
        {
            return new($"“{m.Groups[1].Value}”不是{levels[m.Groups[2].Value]}代码：须为 {m.Groups[3].Value} 位数字", en);
        }

        if ((m = Regex.Match(en, @"^(street|community) code (\S+) does not start with its (district|street) code (\S+)$")).Success)
        {
            return new($"{levels[m.Groups[1].Value]}代码 {m.Groups[2].Value} 不以其所属{levels[m.Groups[3].Value]}代码 {m.Groups[4].Value} 开头", en);
        }

        if ((m = Regex.Match(en, @"^(street|community) (\S+) is not in (district|street) (\S+)$")).Success)
        {
            return new($"{levels[m.Groups[1].Value]} {m.Groups[2].Value} 不在{levels[m.Groups[3].Value]} {m.Groups[4].Value} 之内", en);
        }

        if ((m = Regex.Match(en, @"^(site|hauler|facility|line) code '(.*)' must be 1 to 32 letters, digits, '-' or '_'$")).Success)
        {
            var what = m.Groups[1].Value switch { "site" => "点位", "hauler" => "运输单位", "facility" => "设施", _ => "线路" };
            return new($"{what}编码“{m.Groups[2].Value}”须为 1 至 32 个字母、数字、“-”或“_”", en);
        }

        if ((m = Regex.Match(en, @"^(\w+) must be 0 or more, not (-?\d+)$")).Success)
        {
            return new($"{column} 须为 0 或以上，而不是 {m.Groups[2].Value}", en);
        }

        if ((m = Regex.Match(en, @"^bin (count|volume) must be (0 or more|more than 0 litres), not (-?\d+)$")).Success)
        {
            return new(m.Groups[1].Value == "count" ? $"桶数须为 0 或以上，而不是 {m.Groups[3].Value}" : $"桶容积须大于 0 升，而不是 {m.Groups[3].Value}", en);
        }

        if ((m = Regex.Match(en, @"^(longitude|latitude) (\S+) is not between (-?\d+) and (\d+) degrees$")).Success)
        {
            return new($"{(m.Groups[1].Value == "longitude" ? "经度" : "纬度")} {m.Groups[2].Value} 不在 {m.Groups[3].Value} 到 {m.Groups[4].Value} 度之间", en);
        }

        if ((m = Regex.Match(en, @"^unknown (site type|bin placement|facility kind) (-?\d+)$")).Success)
        {
            var what = m.Groups[1].Value switch { "site type" => "点位类型", "bin placement" => "桶的摆放位置", _ => "设施类型" };
            return new($"未知的{what} {m.Groups[2].Value}", en);
        }

        return en switch
        {
            "the capacity must be more than 0 kg" => new("核定载重须大于 0 千克", en),
            "the capacity must be more than 0 m³" => new("箱体容积须大于 0 立方米", en),
            "the gate fee must be 0 or more" => new("处理费须为 0 或以上", en),
            "the daily capacity must be 0 or more" => new("日处理能力须为 0 或以上", en),
            "a vehicle is dedicated to one category or one stream, not both" => new("一辆车只能专用于一个分类或一个专项，不能两者都填", en),
            "a dedicated line carries exactly one category or one special stream (W96-T3)" => new("一条分运专线只运一个分类或一个专项（W96-T3）", en),
            "a bin has exactly one category (C1..C4) or one special stream" => new("每项桶须且只须填一个分类（C1..C4）或一个专项", en),
            "the plate must be 1 to 16 characters" => new("号牌须为 1 至 16 个字符", en),
            "the name is empty" => new("名称为空", en),
            "the name is longer than 200 characters" => new("名称超过 200 个字符", en),
            "a site with a community code needs its street code too" => new("填了社区代码的点位也须填街道代码", en),
            _ => new($"字段 {column} 不符合登记规则：{en}", en),
        };
    }

    /// <summary>A problem at <paramref name="line"/> and <paramref name="column"/> of <paramref name="file"/>.</summary>
    public ImportProblem At(string file, int line, int column, string? field) => new(file, line, column, field, En, Zh);
}
