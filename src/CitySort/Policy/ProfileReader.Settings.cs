using System.Text.Json;
using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>The <c>settings</c> section: the implementer's choices, each a named setting with clause and note.</summary>
internal sealed partial class ProfileReader
{
    private static readonly string[] SettingNames =
    [
        "covered", "coverageWeighting", "essentiallyAllThreshold", "highRiseMinFloors", "binsPerFloor", "rateFormulas",
        "gateFees", "residualAttribution", "workingDays", "planning", "reconciliationGapShare", "routeChecks",
        "mealBreak",
    ];

    private ProfileSettings? ReadSettings(JsonElement root)
    {
        if (Get(root, JsonPathText.Root, "settings", true) is not { } e)
        {
            return null;
        }

        var at = Field(JsonPathText.Root, "settings");
        if (!IsObject(e, at, "'settings'"))
        {
            return null;
        }

        Fields(e, at, SettingNames);
        var covered = Setting(e, at, "covered", (v, p) =>
        {
            if (!IsObject(v, p, "the value of 'covered'"))
            {
                return null;
            }

            Fields(v, p, "binsInPlace", "collectedSorted");
            return new CoveredDefinition(Bool(v, p, "binsInPlace", true, required: true), Bool(v, p, "collectedSorted", true, required: true));
        });
        var weighting = Setting(e, at, "coverageWeighting", ReadWeighting);
        var threshold = Setting(e, at, "essentiallyAllThreshold", (v, p) =>
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d is >= 0 and <= 1)
            {
                return (decimal?)d;
            }

            Error(p, $"'essentiallyAllThreshold' is a share and must be from 0 to 1 (0.95 means 95 %), but is {Describe(v)}");
            return null;
        });
        var highRise = Setting(e, at, "highRiseMinFloors", (v, p) => WholeValue(v, p, "highRiseMinFloors", 1));
        var perFloor = Setting(e, at, "binsPerFloor", (v, p) => WholeValue(v, p, "binsPerFloor", 1));
        var formulas = Setting(e, at, "rateFormulas", (v, p) =>
        {
            if (!IsObject(v, p, "the value of 'rateFormulas'"))
            {
                return null;
            }

            Fields(v, p, "sortedTransportRate", "harmlessTreatmentRate");
            var sorted = EnumField<SortedTransportRateFormula>(v, p, "sortedTransportRate", true, "formula", camel: true);
            var harmless = EnumField<HarmlessTreatmentRateFormula>(v, p, "harmlessTreatmentRate", true, "formula", camel: true);
            return sorted is null || harmless is null ? null : new RateFormulas(sorted.Value, harmless.Value);
        });
        var fees = Setting(e, at, "gateFees", ReadGateFees);
        var attribution = Setting(e, at, "residualAttribution", (v, p) => EnumValue<ResidualAttribution>(v, p, "residual attribution", camel: true));
        var workingDays = Setting(e, at, "workingDays", ReadWorkingDays);
        var planning = e.TryGetProperty("planning", out _) ? Setting(e, at, "planning", ReadPlanning) : null;
        var gapShare = e.TryGetProperty("reconciliationGapShare", out _)
            ? Setting(e, at, "reconciliationGapShare", (v, p) =>
            {
                if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d is > 0 and <= 1)
                {
                    return (decimal?)d;
                }

                Error(p, $"'reconciliationGapShare' is a share above 0 and at most 1 (0.2 means 20 %), but is {Describe(v)}");
                return null;
            })
            : null;
        var routeChecks = e.TryGetProperty("routeChecks", out _) ? Setting(e, at, "routeChecks", ReadRouteChecks) : null;
        var mealBreak = e.TryGetProperty("mealBreak", out _) ? Setting(e, at, "mealBreak", ReadMealBreak) : null;
        if (mealBreak is not null && planning is not null
            && (mealBreak.Value.EarliestStart < planning.Value.ShiftStart || mealBreak.Value.LatestStart > planning.Value.ShiftEnd))
        {
            Error(Field(Field(Field(at, "mealBreak"), "value"), "earliestStart"),
                $"the meal break must start within the shift of 'planning' ({Clock(planning.Value.ShiftStart)} to {Clock(planning.Value.ShiftEnd)}), but may start from {Clock(mealBreak.Value.EarliestStart)} to {Clock(mealBreak.Value.LatestStart)}");
            mealBreak = null;
        }
        if (covered is null || weighting is null || threshold is null || highRise is null || perFloor is null || formulas is null
            || fees is null || attribution is null || workingDays is null)
        {
            return null;
        }

        return new ProfileSettings(
            covered,
            weighting,
            Unwrap(threshold),
            Unwrap(highRise),
            Unwrap(perFloor),
            formulas,
            fees,
            Unwrap(attribution),
            workingDays,
            planning,
            gapShare is { Value: not null } ? Unwrap(gapShare) : null,
            routeChecks,
            mealBreak);
    }

    private RouteCheckRules? ReadRouteChecks(JsonElement v, string p)
    {
        if (!IsObject(v, p, "the value of 'routeChecks'"))
        {
            return null;
        }

        Fields(v, p, "offLineDistanceMetres", "offLineSeconds", "maxPlausibleSpeedKmPerHour");
        var distance = Int(v, p, "offLineDistanceMetres", true, min: 1);
        var seconds = Int(v, p, "offLineSeconds", true, min: 1);
        var speed = Int(v, p, "maxPlausibleSpeedKmPerHour", true, min: 1);
        return distance is null || seconds is null || speed is null ? null : new RouteCheckRules(distance.Value, seconds.Value, speed.Value);
    }

    private MealBreakRule? ReadMealBreak(JsonElement v, string p)
    {
        if (!IsObject(v, p, "the value of 'mealBreak'"))
        {
            return null;
        }

        Fields(v, p, "earliestStart", "latestStart", "durationMinutes");
        var earliest = ClockTime(v, p, "earliestStart");
        var latest = ClockTime(v, p, "latestStart");
        var minutes = Int(v, p, "durationMinutes", true, min: 1);
        if (minutes is > 240)
        {
            Error(Field(p, "durationMinutes"), $"'durationMinutes' is the length of the meal break and must be from 1 to 240 minutes, but is {minutes}");
            minutes = null;
        }

        if (earliest is { } a && latest is { } b && b < a)
        {
            Error(Field(p, "latestStart"), $"the latest start of the meal break ({Clock(b)}) must not be before its earliest start ({Clock(a)})");
            latest = null;
        }

        return earliest is null || latest is null || minutes is null ? null : new MealBreakRule(earliest.Value, latest.Value, minutes.Value);
    }

    private static ProfileSetting<T> Unwrap<T>(ProfileSetting<T?> s)
        where T : struct => new(s.Name, s.Clause, s.IsImplementerChoice, s.IsIllustrative, s.Value!.Value, s.Note);

    /// <summary>Reads one setting object: clause, implementerChoice, illustrative, value (read by <paramref name="read"/>), note.</summary>
    private ProfileSetting<T>? Setting<T>(JsonElement settings, string path, string name, Func<JsonElement, string, T?> read)
    {
        if (Get(settings, path, name, true) is not { } e)
        {
            return null;
        }

        var at = Field(path, name);
        if (!IsObject(e, at, $"the setting '{name}'"))
        {
            return null;
        }

        Fields(e, at, "clause", "implementerChoice", "illustrative", "value", "note");
        var clause = Clause(e, at);
        var choice = Bool(e, at, "implementerChoice", false, required: true);
        var illustrative = Bool(e, at, "illustrative", false);
        var note = Text(e, at, "note", true);
        var value = Get(e, at, "value", true) is { } v ? read(v, Field(at, "value")) : default;
        return clause is null || note is null || value is null ? null : new ProfileSetting<T>(name, clause, choice, illustrative, value, note);
    }

    private int? WholeValue(JsonElement v, string p, string name, int min)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            if (n >= min)
            {
                return n;
            }

            Error(p, $"'{name}' must be at least {min}, but is {n}");
            return null;
        }

        Error(p, $"'{name}' must be a whole number, but is {Describe(v)}");
        return null;
    }

    private CoverageWeightingRule? ReadWeighting(JsonElement v, string p)
    {
        if (!IsObject(v, p, "the value of 'coverageWeighting'"))
        {
            return null;
        }

        var siteTypes = System.Enum.GetNames<SiteType>();
        Fields(v, p, [.. siteTypes, "overall"]);
        var map = new Dictionary<SiteType, CoverageWeighting>();
        foreach (var type in System.Enum.GetValues<SiteType>())
        {
            var w = EnumField<CoverageWeighting>(v, p, type.ToString(), true, "coverage weighting", camel: true);
            if (w == CoverageWeighting.SiteTypeMean)
            {
                Error(Field(p, type.ToString()), "'siteTypeMean' weighs site types against each other and is allowed only for 'overall'; a site type is weighted by households, staff or siteCount");
            }
            else if (w is { } weight)
            {
                map[type] = weight;
            }
        }

        var overall = EnumField<CoverageWeighting>(v, p, "overall", true, "coverage weighting", camel: true);
        if (overall is CoverageWeighting.Households or CoverageWeighting.Staff)
        {
            Error(Field(p, "overall"), $"'overall' mixes site types and must be siteCount or siteTypeMean, not {overall.Value.ToString().ToLowerInvariant()}");
            overall = null;
        }

        return overall is null || map.Count != siteTypes.Length ? null : new CoverageWeightingRule(map, overall.Value);
    }

    private IReadOnlyList<FacilityGateFee>? ReadGateFees(JsonElement v, string p)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            Error(p, $"the value of 'gateFees' must be a list [ … ], but is {Describe(v)}");
            return null;
        }

        var list = new List<FacilityGateFee>();
        var keys = new List<(string, string)>();
        var i = 0;
        foreach (var e in v.EnumerateArray())
        {
            var at = JsonPathText.Index(p, i++);
            if (!IsObject(e, at, "A gate fee"))
            {
                continue;
            }

            Fields(e, at, "facility", "clause", "kind", "name", "gateFeeYuanPerTonne", "illustrative");
            var key = Str(e, at, "facility", true);
            var clause = Clause(e, at);
            var kind = Str(e, at, "kind", true);
            var name = Text(e, at, "name", true);
            var fee = Dec(e, at, "gateFeeYuanPerTonne", true);
            var illustrative = Bool(e, at, "illustrative", false);
            if (key is not null)
            {
                keys.Add((key, Field(at, "facility")));
            }

            if (key is not null && clause is not null && kind is not null && name is not null && fee is not null)
            {
                list.Add(new FacilityGateFee(key, clause, kind, name, fee.Value, illustrative));
            }
        }

        Unique(keys, "facility");
        return list;
    }

    private WorkingDayRules? ReadWorkingDays(JsonElement v, string p)
    {
        if (!IsObject(v, p, "the value of 'workingDays'"))
        {
            return null;
        }

        Fields(v, p, "timeZone", "weekend", "holidays", "workingWeekendDays", "reportDueWorkingDays");
        var zone = Str(v, p, "timeZone", true);
        var weekend = EnumArr<DayOfWeek>(v, p, "weekend", true, "day of the week", camel: false).Select(d => d.Value).ToArray();
        var holidays = new List<(DateOnly, string)>();
        foreach (var (e, at) in Arr(v, p, "holidays", false))
        {
            if (DateValue(e, at, "each holiday") is { } d)
            {
                holidays.Add((d, at));
            }
        }

        var workingWeekend = new List<(DateOnly, string)>();
        foreach (var (e, at) in Arr(v, p, "workingWeekendDays", false))
        {
            if (DateValue(e, at, "each working weekend day") is not { } d)
            {
                continue;
            }

            if (!weekend.Contains(d.DayOfWeek))
            {
                Error(at, $"{Day(d)} is a {d.DayOfWeek}, not a weekend day; list here only weekend days that are worked");
            }

            workingWeekend.Add((d, at));
        }

        Unique(holidays, "holiday");
        Unique(workingWeekend, "working weekend day");
        var due = Int(v, p, "reportDueWorkingDays", true, min: 1);
        return zone is null || due is null
            ? null
            : new WorkingDayRules(zone, weekend, holidays.Select(h => h.Item1).ToArray(), workingWeekend.Select(w => w.Item1).ToArray(), due.Value);
    }
}
