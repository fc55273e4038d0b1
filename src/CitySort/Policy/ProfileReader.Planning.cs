using System.Globalization;
using System.Text.Json;
using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>The optional setting <c>planning</c>: shift, travel estimate and per dedicated category the rounds and demand figures.</summary>
internal sealed partial class ProfileReader
{
    private PlanningRules? ReadPlanning(JsonElement v, string p)
    {
        if (!IsObject(v, p, "the value of 'planning'"))
        {
            return null;
        }

        Fields(v, p, "timeZone", "shiftStart", "shiftEnd", "roadDetourFactor", "averageSpeedKmPerHour", "serviceSecondsPerStop",
            "unloadingSeconds", "collectedSortedOnly", "categories");
        var zone = Str(v, p, "timeZone", true);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            Error(Field(p, "timeZone"), $"'{zone}' is not a time zone this machine knows; use an IANA name such as \"Asia/Shanghai\"");
            zone = null;
        }

        var start = ClockTime(v, p, "shiftStart");
        var end = ClockTime(v, p, "shiftEnd");
        if (start is { } s && end is { } en && en <= s)
        {
            Error(Field(p, "shiftEnd"), $"the shift must end after it starts ({Clock(s)}), on the same day, but ends at {Clock(en)}");
            end = null;
        }

        var detour = Dec(v, p, "roadDetourFactor", true);
        if (detour is < 1)
        {
            Error(Field(p, "roadDetourFactor"), $"'roadDetourFactor' is road distance ÷ straight-line distance and must be at least 1, but is {detour.Value.ToString(CultureInfo.InvariantCulture)}");
            detour = null;
        }

        var speed = Dec(v, p, "averageSpeedKmPerHour", true);
        if (speed is 0)
        {
            Error(Field(p, "averageSpeedKmPerHour"), "'averageSpeedKmPerHour' must be more than 0");
            speed = null;
        }

        var service = Int(v, p, "serviceSecondsPerStop", true);
        var unloading = Int(v, p, "unloadingSeconds", true);
        var sortedOnly = Bool(v, p, "collectedSortedOnly", false);
        var categories = new List<CategoryPlanning>();
        var seen = new List<(WasteCategory, string)>();
        var ok = true;
        foreach (var (e, at) in Arr(v, p, "categories", true))
        {
            if (ReadCategoryPlanning(e, at) is { } c)
            {
                categories.Add(c);
                seen.Add((c.Category, Field(at, "category")));
            }
            else
            {
                ok = false;
            }
        }

        Unique(seen, "planned category");
        return !ok || zone is null || start is null || end is null || detour is null || speed is null || service is null || unloading is null
            ? null
            : new PlanningRules(zone, start.Value, end.Value, detour.Value, speed.Value, service.Value, unloading.Value, sortedOnly, categories);
    }

    private CategoryPlanning? ReadCategoryPlanning(JsonElement e, string at)
    {
        if (!IsObject(e, at, "A planned category"))
        {
            return null;
        }

        Fields(e, at, "category", "streams", "fillFraction", "densityKgPerLitre", "rounds");
        var category = EnumField<WasteCategory>(e, at, "category", true, "waste category", camel: false);
        var streams = EnumArr<SpecialStream>(e, at, "streams", false, "special stream", camel: false).Select(x => x.Value).ToArray();
        var fill = Share(e, at, "fillFraction", true);
        var density = Dec(e, at, "densityKgPerLitre", true);
        if (density is 0)
        {
            Error(Field(at, "densityKgPerLitre"), "'densityKgPerLitre' must be more than 0");
            density = null;
        }

        var rounds = new List<CollectionRound>();
        var roundsOk = true;
        var list = Arr(e, at, "rounds", true);
        if (list.Count == 0 && Get(e, at, "rounds", false) is not null)
        {
            Error(Field(at, "rounds"), "'rounds' must list at least one round: which sites the line serves and every how many days");
            roundsOk = false;
        }

        foreach (var (r, rat) in list)
        {
            if (ReadRound(r, rat) is { } round)
            {
                rounds.Add(round);
            }
            else
            {
                roundsOk = false;
            }
        }

        return category is null || fill is null || density is null || !roundsOk || rounds.Count == 0
            ? null
            : new CategoryPlanning(category.Value, streams, fill.Value, density.Value, rounds);
    }

    private CollectionRound? ReadRound(JsonElement r, string at)
    {
        if (!IsObject(r, at, "A collection round"))
        {
            return null;
        }

        Fields(r, at, "siteTypes", "wetDryPilotOnly", "canteenOnly", "kitchenWasteHeavyOnly", "frequencyDays");
        var types = EnumArr<SiteType>(r, at, "siteTypes", false, "site type", camel: false).Select(x => x.Value).Distinct().ToArray();
        var frequency = Int(r, at, "frequencyDays", true, min: 1);
        return frequency is null
            ? null
            : new CollectionRound(
                types,
                Bool(r, at, "wetDryPilotOnly", false),
                Bool(r, at, "canteenOnly", false),
                Bool(r, at, "kitchenWasteHeavyOnly", false),
                frequency.Value);
    }

    private TimeOnly? ClockTime(JsonElement obj, string path, string name)
    {
        if (Get(obj, path, name, true) is not { } e)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.String
            && TimeOnly.TryParseExact(e.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Error(Field(path, name), $"'{name}' must be a clock time written HH:mm (e.g. \"05:00\"), but is {Describe(e)}");
        return null;
    }

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
