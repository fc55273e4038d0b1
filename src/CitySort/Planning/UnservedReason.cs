using System.Globalization;
using System.Text.RegularExpressions;
using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>
/// The reasons a due site is left out of a plan (docs/planning.md, "Unserved sites"), each with a code and its words
/// in English and Chinese. The planner words a reason with one of the builders here; a stored plan keeps the English
/// (<see cref="UnservedSite.Reason"/>), and <see cref="Describe"/> reads it back into its code and Chinese, so that
/// the dashboard shows the reason in its language from the API rather than by matching English text.
/// </summary>
public static partial class UnservedReason
{
    /// <summary>The site holds more than a vehicle carries in one trip.</summary>
    public const string TooHeavyCode = "tooHeavy";

    /// <summary>Even alone on a trip the site cannot be reached, unloaded and the depot regained within the shift.</summary>
    public const string TooFarCode = "tooFar";

    /// <summary>The time-limited search found no plan that serves it (not proof that the fleet cannot).</summary>
    public const string SearchLimitCode = "searchLimit";

    /// <summary>The area has no dedicated vehicle of the category (W96-T2).</summary>
    public const string NoVehicleCode = "noVehicle";

    /// <summary>No facility of the registry accepts the category (W96-F).</summary>
    public const string NoFacilityCode = "noFacility";

    /// <summary>A reason this version does not know (a plan stored by another version); its words are shown as they are.</summary>
    public const string OtherCode = "other";

    /// <summary>The site holds <paramref name="demandKg"/>, more than <paramref name="capacityKg"/> a trip carries.</summary>
    /// <param name="demandKg">Kilograms due at the site.</param>
    /// <param name="capacityKg">Kilograms a vehicle carries in one trip.</param>
    /// <returns>The reason in English.</returns>
    public static string TooHeavy(long demandKg, long capacityKg) =>
        FormattableString.Invariant($"holds {demandKg} kg, more than the {capacityKg} kg a vehicle carries in one trip");

    /// <summary>Alone on a trip, the vehicle would be back at <paramref name="wouldBe"/>, after the shift's end <paramref name="end"/>.</summary>
    /// <param name="end">The end of the shift, HH:mm.</param>
    /// <param name="wouldBe">When the vehicle would be back, HH:mm.</param>
    /// <returns>The reason in English.</returns>
    public static string TooFar(string end, string wouldBe) =>
        $"even as a trip's only stop, a vehicle could not reach it, unload and be back at the depot by {end} (it would be {wouldBe})";

    /// <summary>
    /// Within <paramref name="limitSeconds"/> the search found no feasible plan that serves the site together with the
    /// <paramref name="nearer"/> due sites nearer the depot and facilities (not proof that the vehicles cannot).
    /// </summary>
    /// <param name="limitSeconds">The search's time limit in seconds, as written (e.g. <c>2.5</c>).</param>
    /// <param name="nearer">How many nearer due sites the plan serves.</param>
    /// <param name="vehicles">The area's vehicles of the category.</param>
    /// <param name="category">The category.</param>
    /// <param name="end">The end of the shift, HH:mm.</param>
    /// <param name="mealBreakMinutes">The crews' meal break in minutes (profile setting <c>mealBreak</c>), or null without one.</param>
    /// <returns>The reason in English.</returns>
    public static string SearchLimit(string limitSeconds, int nearer, int vehicles, WasteCategory category, string end, int? mealBreakMinutes) =>
        FormattableString.Invariant($"no feasible plan found within {limitSeconds} s that serves it together with the {nearer} due site(s) nearer the depot and facilities, ")
        + FormattableString.Invariant($"the area's {vehicles} {category} vehicle(s) back by {end}")
        + (mealBreakMinutes is { } m ? FormattableString.Invariant($" with their {m}-minute meal break") : string.Empty)
        + "; plan again with a longer time limit";

    /// <summary>The area has no dedicated vehicle of <paramref name="category"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The reason in English.</returns>
    public static string NoVehicle(WasteCategory category) => $"the area has no dedicated {category} vehicle";

    /// <summary>No registered facility accepts <paramref name="category"/> (with <paramref name="streams"/>).</summary>
    /// <param name="category">The category.</param>
    /// <param name="streams">The special streams collected with it.</param>
    /// <returns>The reason in English.</returns>
    public static string NoFacility(WasteCategory category, IReadOnlyCollection<SpecialStream> streams) =>
        "no facility in the registry accepts " + category + (streams.Count > 0 ? " with " + string.Join(", ", streams) : string.Empty);

    /// <summary>The code and the Chinese words of a reason a builder of this class wrote.</summary>
    /// <param name="reason">The reason in English, as stored.</param>
    /// <returns>The code (one of the <c>…Code</c> constants) and the reason in Chinese; for an unknown reason <see cref="OtherCode"/> and the text as it is.</returns>
    public static (string Code, string Zh) Describe(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Match m;
        if ((m = TooHeavyPattern().Match(reason)).Success)
        {
            return (TooHeavyCode, $"点位待收 {m.Groups[1].Value} 千克，超过一辆车一趟所载的 {m.Groups[2].Value} 千克");
        }

        if ((m = TooFarPattern().Match(reason)).Success)
        {
            return (TooFarCode, $"即使单独成趟，车辆也无法在 {m.Groups[1].Value} 前到达、卸车并返回车场（将为 {m.Groups[2].Value}）");
        }

        if ((m = SearchLimitPattern().Match(reason)).Success)
        {
            var meal = m.Groups[6].Success ? $"，含 {m.Groups[6].Value} 分钟用餐休息" : string.Empty;
            return (SearchLimitCode,
                $"在 {m.Groups[1].Value} 秒的搜索时限内未找到可行方案：无法在收运离车场和设施更近的 {m.Groups[2].Value} 个到期点位的同时安排该点位（本区域 {m.Groups[3].Value} 辆{CategoryZh(m.Groups[4].Value)}车，{m.Groups[5].Value} 前返回{meal}）；"
                + "这是搜索时限所致，并不证明车辆收运不了：请延长时限后重新编制");
        }

        if ((m = NoVehiclePattern().Match(reason)).Success)
        {
            return (NoVehicleCode, $"本区域没有{CategoryZh(m.Groups[1].Value)}专用车辆");
        }

        if ((m = NoFacilityPattern().Match(reason)).Success)
        {
            var streams = m.Groups[2].Success ? "（连同" + string.Join("、", m.Groups[2].Value.Split(", ").Select(CategoryZh)) + "）" : string.Empty;
            return (NoFacilityCode, $"登记中没有接收{CategoryZh(m.Groups[1].Value)}{streams}的设施");
        }

        return (OtherCode, reason);
    }

    /// <summary>The Chinese term of a category or special stream (STYLE.md), or the name as it is.</summary>
    private static string CategoryZh(string name) => name switch
    {
        nameof(WasteCategory.Recyclable) => "可回收物",
        nameof(WasteCategory.Hazardous) => "有害垃圾",
        nameof(WasteCategory.Other) => "其他垃圾",
        nameof(WasteCategory.Kitchen) => "厨余垃圾",
        nameof(SpecialStream.Catering) => "餐饮垃圾",
        nameof(SpecialStream.Bulky) => "大件垃圾",
        nameof(SpecialStream.ConstructionAndRenovation) => "建筑（装潢）垃圾",
        _ => name.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^holds (\d+) kg, more than the (\d+) kg a vehicle carries in one trip$", RegexOptions.CultureInvariant)]
    private static partial Regex TooHeavyPattern();

    [GeneratedRegex(@"^even as a trip's only stop, a vehicle could not reach it, unload and be back at the depot by (\S+) \(it would be (\S+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex TooFarPattern();

    [GeneratedRegex(@"^no feasible plan found within (\S+) s that serves it together with the (\d+) due site\(s\) nearer the depot and facilities, the area's (\d+) (\w+) vehicle\(s\) back by (\S+?)(?: with their (\d+)-minute meal break)?; plan again with a longer time limit$", RegexOptions.CultureInvariant)]
    private static partial Regex SearchLimitPattern();

    [GeneratedRegex(@"^the area has no dedicated (\w+) vehicle$", RegexOptions.CultureInvariant)]
    private static partial Regex NoVehiclePattern();

    [GeneratedRegex(@"^no facility in the registry accepts (\w+)(?: with (.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NoFacilityPattern();
}
