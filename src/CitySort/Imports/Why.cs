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

        if ((m = Regex.Match(en, @"^site code '(.*)' must be 1 to 32 letters, digits, '-' or '_'$")).Success)
        {
            return new($"点位编码“{m.Groups[1].Value}”须为 1 至 32 个字母、数字、“-”或“_”", en);
        }

        if ((m = Regex.Match(en, @"^(\w+) must be 0 or more, not (-?\d+)$")).Success)
        {
            return new($"{column} 须为 0 或以上，而不是 {m.Groups[2].Value}", en);
        }

        return en switch
        {
            "the name is empty" => new("名称为空", en),
            "the name is longer than 200 characters" => new("名称超过 200 个字符", en),
            "a site with a community code needs its street code too" => new("填了社区代码的点位也须填街道代码", en),
            _ => new($"字段 {column} 不符合登记规则：{en}", en),
        };
    }

    /// <summary>A problem at <paramref name="line"/> and <paramref name="column"/> of <paramref name="file"/>.</summary>
    public ImportProblem At(string file, int line, int column, string? field) => new(file, line, column, field, En, Zh);
}
