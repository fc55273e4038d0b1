using System.Text.Json;
using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>The rule sections of the profile format: bins, collection, targets, stages, people, money, assessment, wages.</summary>
internal sealed partial class ProfileReader
{
    private List<SiteTypeRule> ReadSiteTypes(JsonElement root)
    {
        var list = new List<SiteTypeRule>();
        var ids = new List<(SiteType, string)>();
        var items = Arr(root, JsonPathText.Root, "siteTypes", true);
        foreach (var (e, at) in items)
        {
            if (!IsObject(e, at, "A site type"))
            {
                continue;
            }

            Fields(e, at, "id", "clause", "name", "bins", "wetDryPilot", "notes");
            var siteType = EnumField<SiteType>(e, at, "id", true, "site type", camel: false);
            var clause = Clause(e, at);
            var name = Text(e, at, "name", true);
            var bins = new List<BinRule>();
            foreach (var (b, bp) in Arr(e, at, "bins", true))
            {
                if (ReadBinRule(b, bp) is { } rule)
                {
                    bins.Add(rule);
                }
            }

            var pilot = ReadPilot(e, at);
            var notes = new List<LocalizedText>();
            foreach (var (n, np) in Arr(e, at, "notes", false))
            {
                if (TextValue(n, np, "each note") is { } t)
                {
                    notes.Add(t);
                }
            }

            if (siteType is { } st)
            {
                ids.Add((st, Field(at, "id")));
                if (clause is not null && name is not null)
                {
                    list.Add(new SiteTypeRule(st, clause, name, bins, pilot, notes));
                }
            }
        }

        Unique(ids, "site type");
        if (Get(root, JsonPathText.Root, "siteTypes", false) is { ValueKind: JsonValueKind.Array })
        {
            foreach (var missing in System.Enum.GetValues<SiteType>().Where(t => !ids.Any(i => i.Item1 == t)))
            {
                Error(Field(JsonPathText.Root, "siteTypes"), $"there is no entry for site type {missing}; every site type needs one, even with an empty bins list");
            }
        }

        return list;
    }

    private BinRule? ReadBinRule(JsonElement e, string at)
    {
        if (!IsObject(e, at, "A bin rule"))
        {
            return null;
        }

        Fields(e, at, "clause", "category", "stream", "placements", "when", "minCount", "perFloor", "allBagged", "note");
        var clause = Clause(e, at);
        WasteCategory? category = null;
        SpecialStream? stream = null;
        var hasCategory = Get(e, at, "category", false) is not null;
        var hasStream = Get(e, at, "stream", false) is not null;
        if (hasCategory == hasStream)
        {
            Error(at, "a bin rule names exactly one of 'category' (a household-waste category) or 'stream' (a special stream)");
        }
        else if (hasCategory)
        {
            category = CategoryRef(e.GetProperty("category"), Field(at, "category"));
        }
        else
        {
            stream = StreamRef(e.GetProperty("stream"), Field(at, "stream"));
        }

        var placements = EnumArr<BinPlacement>(e, at, "placements", true, "bin placement", camel: false);
        if (Get(e, at, "placements", false) is { ValueKind: JsonValueKind.Array } p && p.GetArrayLength() == 0)
        {
            Error(Field(at, "placements"), "a bin rule needs at least one placement");
        }

        var when = EnumField<BinCondition>(e, at, "when", true, "condition", camel: true);
        var perFloor = Bool(e, at, "perFloor", false);
        var hasMin = Get(e, at, "minCount", false) is not null;
        int? minCount = 0;
        if (perFloor && hasMin)
        {
            Error(at, "a bin rule gives either 'minCount' or 'perFloor': true, not both");
        }
        else if (!perFloor && !hasMin)
        {
            Error(at, "a bin rule needs 'minCount' (a number of bins) or 'perFloor': true (one set per floor)");
        }
        else if (hasMin)
        {
            minCount = Int(e, at, "minCount", true);
        }

        var allBagged = Bool(e, at, "allBagged", false);
        var note = Text(e, at, "note", false);
        if (clause is null || (category is null && stream is null) || when is null || minCount is null || placements.Count == 0)
        {
            return null;
        }

        return new BinRule(clause, category, stream, placements.Select(x => x.Value).ToArray(), when.Value, minCount.Value, perFloor, allBagged, note);
    }

    private WetDryPilotRule? ReadPilot(JsonElement e, string at)
    {
        if (Get(e, at, "wetDryPilot", false) is not { } w)
        {
            return null;
        }

        var p = Field(at, "wetDryPilot");
        if (!IsObject(w, p, "'wetDryPilot'"))
        {
            return null;
        }

        Fields(w, p, "clause", "minPerDistrict", "maxPerDistrict", "requiresPropertyManagement", "note");
        var clause = Clause(w, p);
        var min = Int(w, p, "minPerDistrict", true);
        var max = Int(w, p, "maxPerDistrict", true);
        if (min is { } lo && max is { } hi && hi < lo)
        {
            Error(Field(p, "maxPerDistrict"), $"'maxPerDistrict' ({hi}) is less than 'minPerDistrict' ({lo})");
        }

        var managed = Bool(w, p, "requiresPropertyManagement", false);
        var note = Text(w, p, "note", false);
        return clause is null || min is null || max is null ? null : new WetDryPilotRule(clause, min.Value, max.Value, managed, note);
    }

    private List<CollectionMode> ReadCollectionModes(JsonElement root)
    {
        var list = new List<CollectionMode>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "collectionModes", false))
        {
            if (!IsObject(e, at, "A collection mode"))
            {
                continue;
            }

            Fields(e, at, "clause", "categories", "streams", "methods", "collector", "destination", "sameDayClearance", "sealedTransport", "mixingForbidden");
            var clause = Clause(e, at);
            var categories = CategoryRefs(e, at, "categories");
            var streams = StreamRefs(e, at, "streams");
            if (categories.Count == 0 && streams.Count == 0)
            {
                Error(at, "a collection mode names at least one category or special stream");
            }

            var methods = EnumArr<CollectionMethod>(e, at, "methods", false, "collection method", camel: true).Select(m => m.Value).ToArray();
            var collector = Text(e, at, "collector", true);
            var destination = Text(e, at, "destination", false);
            var sameDay = Bool(e, at, "sameDayClearance", false);
            var sealedTransport = Bool(e, at, "sealedTransport", false);
            var noMixing = Bool(e, at, "mixingForbidden", false);
            if (clause is not null && collector is not null)
            {
                list.Add(new CollectionMode(clause, categories, streams, methods, collector, destination, sameDay, sealedTransport, noMixing));
            }
        }

        return list;
    }

    /// <summary>The target fields that only some kinds use, and those kinds.</summary>
    private static readonly Dictionary<string, TargetKind[]> KindFields = new(StringComparer.Ordinal)
    {
        ["siteTypes"] = [TargetKind.Coverage],
        ["minShare"] = [TargetKind.Coverage, TargetKind.SortedTransportRate, TargetKind.HarmlessTreatmentRate],
        ["essentiallyAll"] = [TargetKind.Coverage, TargetKind.SortedTransportRate, TargetKind.HarmlessTreatmentRate],
        ["total"] = [TargetKind.DedicatedVehicles, TargetKind.DedicatedLines],
        ["splits"] = [TargetKind.DedicatedVehicles, TargetKind.DedicatedLines],
        ["categories"] = [TargetKind.DedicatedVehicles, TargetKind.DedicatedLines],
        ["streams"] = [TargetKind.DedicatedVehicles, TargetKind.DedicatedLines],
        ["baseline"] = [TargetKind.ResidualTonnageReduction],
        ["reductionShare"] = [TargetKind.ResidualTonnageReduction],
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private List<Target> ReadTargets(JsonElement root, decimal? essentiallyAll)
    {
        var list = new List<Target>();
        var ids = new List<(string, string)>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "targets", true))
        {
            if (!IsObject(e, at, "A target"))
            {
                continue;
            }

            Fields(e, at, "id", "clause", "kind", "due", "period", "siteTypes", "minShare", "essentiallyAll", "total", "splits", "categories", "streams", "baseline", "reductionShare", "description");
            var id = Str(e, at, "id", true);
            var clause = Clause(e, at);
            var kind = EnumField<TargetKind>(e, at, "kind", true, "target kind", camel: true);
            var due = Date(e, at, "due", true);
            var period = Period(e, at, "period", false);
            var siteTypes = EnumArr<SiteType>(e, at, "siteTypes", false, "site type", camel: false).Select(x => x.Value).ToArray();
            var minShare = Share(e, at, "minShare", false);
            var isEssentiallyAll = Bool(e, at, "essentiallyAll", false);
            var total = Int(e, at, "total", false);
            var splits = ReadSplits(e, at, total);
            var categories = CategoryRefs(e, at, "categories");
            var streams = StreamRefs(e, at, "streams");
            var baseline = ReadBaseline(e, at);
            var reduction = Share(e, at, "reductionShare", false);
            var description = Text(e, at, "description", true);
            if (id is not null)
            {
                ids.Add((id, Field(at, "id")));
            }

            if (kind is { } k)
            {
                foreach (var field in KindFields.Where(f => !f.Value.Contains(k) && Get(e, at, f.Key, false) is not null))
                {
                    Error(Field(at, field.Key), $"'{field.Key}' does not apply to a target of kind {Camel(k.ToString())}");
                }
            }

            switch (kind)
            {
                case TargetKind.Coverage or TargetKind.SortedTransportRate or TargetKind.HarmlessTreatmentRate:
                    if (isEssentiallyAll && Get(e, at, "minShare", false) is not null)
                    {
                        Error(at, "a target gives either 'minShare' or 'essentiallyAll': true, not both");
                    }
                    else if (!isEssentiallyAll && Get(e, at, "minShare", false) is null)
                    {
                        Error(at, $"a {Camel(kind.Value.ToString())} target needs 'minShare' (a share from 0 to 1) or 'essentiallyAll': true");
                    }

                    if (isEssentiallyAll)
                    {
                        minShare = essentiallyAll;
                    }

                    break;
                case TargetKind.DedicatedVehicles or TargetKind.DedicatedLines:
                    if (Get(e, at, "total", false) is null)
                    {
                        Error(at, "a counted target needs 'total'");
                    }

                    break;
                case TargetKind.ResidualTonnageReduction:
                    if (Get(e, at, "period", false) is null)
                    {
                        Error(at, "a reduction target needs 'period' (the period measured)");
                    }

                    if (Get(e, at, "baseline", false) is null)
                    {
                        Error(at, "a reduction target needs 'baseline'");
                    }

                    if (Get(e, at, "reductionShare", false) is null)
                    {
                        Error(at, "a reduction target needs 'reductionShare' (0.03 for 3 %)");
                    }

                    break;
            }

            if (id is not null && clause is not null && kind is not null && due is not null && description is not null)
            {
                list.Add(new Target(id, clause, kind.Value, due.Value, period, siteTypes, minShare, isEssentiallyAll, total, splits, categories, streams, baseline, reduction, description));
            }
        }

        Unique(ids, "target id");
        return list;
    }

    private List<TargetSplit> ReadSplits(JsonElement e, string at, int? total)
    {
        var list = new List<TargetSplit>();
        var items = Arr(e, at, "splits", false);
        var counts = new List<int>();
        foreach (var (s, sp) in items)
        {
            if (!IsObject(s, sp, "A split"))
            {
                continue;
            }

            Fields(s, sp, "district", "area", "exceptAreas", "count");
            var district = Str(s, sp, "district", false);
            var area = Str(s, sp, "area", false);
            if ((district is null) == (area is null))
            {
                Error(sp, "a split names exactly one of 'district' (a district code) or 'area' (an area id)");
            }

            if (district is not null && !districtCodes.Contains(district))
            {
                Error(Field(sp, "district"), $"the target names district '{district}', which divisions.districts does not list");
            }

            if (area is not null && !areaIds.Contains(area))
            {
                Error(Field(sp, "area"), $"the target names area '{area}', which divisions.areas does not define");
            }

            var except = KnownAreas(StrArr(s, sp, "exceptAreas", false), "the target");
            var count = Int(s, sp, "count", true);
            if (count is { } c)
            {
                counts.Add(c);
                list.Add(new TargetSplit(district, area, except, c));
            }
        }

        if (total is { } t && counts.Count == items.Count && items.Count > 0 && counts.Sum() != t)
        {
            Error(Field(at, "splits"), $"the parts add up to {counts.Sum()} ({string.Join(" + ", counts)}) but the total is {t}");
        }

        return list;
    }

    private TonnageBaseline? ReadBaseline(JsonElement e, string at)
    {
        if (Get(e, at, "baseline", false) is not { } b)
        {
            return null;
        }

        var p = Field(at, "baseline");
        if (!IsObject(b, p, "'baseline'"))
        {
            return null;
        }

        Fields(b, p, "clause", "period", "tonnes");
        var clause = Clause(b, p);
        var period = Period(b, p, "period", true);
        var tonnes = Dec(b, p, "tonnes", false);
        return clause is null || period is null ? null : new TonnageBaseline(clause, period, tonnes);
    }

    private List<Stage> ReadStages(JsonElement root)
    {
        var list = new List<(Stage Stage, string Path)>();
        var ids = new List<(string, string)>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "stages", false))
        {
            if (!IsObject(e, at, "A stage"))
            {
                continue;
            }

            Fields(e, at, "id", "clause", "name", "period", "tasks", "note");
            var id = Str(e, at, "id", true);
            var clause = Clause(e, at);
            var name = Text(e, at, "name", true);
            var period = Period(e, at, "period", true);
            var tasks = new List<LocalizedText>();
            foreach (var (t, tp) in Arr(e, at, "tasks", false))
            {
                if (TextValue(t, tp, "each task") is { } text)
                {
                    tasks.Add(text);
                }
            }

            var note = Text(e, at, "note", false);
            if (id is not null)
            {
                ids.Add((id, Field(at, "id")));
            }

            if (id is not null && clause is not null && name is not null && period is not null)
            {
                list.Add((new Stage(id, clause, name, period, tasks, note), Field(at, "period")));
            }
        }

        Unique(ids, "stage id");
        for (var j = 1; j < list.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (list[j].Stage.Period.Overlaps(list[i].Stage.Period))
                {
                    Error(list[j].Path, $"stage {list[j].Stage.Id} ({list[j].Stage.Period}) overlaps stage {list[i].Stage.Id} ({list[i].Stage.Period}); stages follow one another");
                }
            }
        }

        return list.Select(x => x.Stage).ToList();
    }

    private PeopleRules? ReadPeople(JsonElement root)
    {
        if (Get(root, JsonPathText.Root, "people", true) is not { } e)
        {
            return null;
        }

        var at = Field(JsonPathText.Root, "people");
        if (!IsObject(e, at, "'people'"))
        {
            return null;
        }

        Fields(e, at, "supervisors", "persuaders");
        string? sClause = null, pClause = null;
        int? perStreet = null, minCount = null, perHouseholds = null;
        LocalizedText? sName = null, pName = null, note = null;
        if (Get(e, at, "supervisors", true) is { } s && IsObject(s, Field(at, "supervisors"), "'supervisors'"))
        {
            var sp = Field(at, "supervisors");
            Fields(s, sp, "clause", "minPerStreet", "name");
            sClause = Clause(s, sp);
            perStreet = Int(s, sp, "minPerStreet", true);
            sName = Text(s, sp, "name", true);
        }

        if (Get(e, at, "persuaders", true) is { } p && IsObject(p, Field(at, "persuaders"), "'persuaders'"))
        {
            var pp = Field(at, "persuaders");
            Fields(p, pp, "clause", "minCount", "perHouseholds", "name", "note");
            pClause = Clause(p, pp);
            minCount = Int(p, pp, "minCount", true);
            perHouseholds = Int(p, pp, "perHouseholds", true, min: 1);
            pName = Text(p, pp, "name", true);
            note = Text(p, pp, "note", false);
        }

        if (sClause is null || pClause is null || perStreet is null || minCount is null || perHouseholds is null || sName is null || pName is null)
        {
            return null;
        }

        return new PeopleRules(sClause, perStreet.Value, pClause, minCount.Value, perHouseholds.Value, sName, pName, note);
    }

    private List<MoneyRule> ReadMoney(JsonElement root)
    {
        var list = new List<MoneyRule>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "money", false))
        {
            if (!IsObject(e, at, "A money rule"))
            {
                continue;
            }

            Fields(e, at, "clause", "kind", "share", "amountYuan", "approxTotalYuan", "siteTypes", "perDistrict", "description");
            var clause = Clause(e, at);
            var kind = EnumField<MoneyRuleKind>(e, at, "kind", true, "money rule kind", camel: true);
            int? numerator = null, denominator = null;
            if (Get(e, at, "share", false) is { } s)
            {
                var sp = Field(at, "share");
                if (IsObject(s, sp, "'share' (a fraction { \"numerator\": 1, \"denominator\": 3 })"))
                {
                    Fields(s, sp, "numerator", "denominator");
                    numerator = Int(s, sp, "numerator", true);
                    denominator = Int(s, sp, "denominator", true, min: 1);
                    if (numerator is { } n && denominator is { } d && n > d)
                    {
                        Error(sp, $"'share' is a share and must be from 0 to 1, but is {n}/{d}");
                    }
                }
            }

            var amount = Dec(e, at, "amountYuan", false);
            var approx = Dec(e, at, "approxTotalYuan", false);
            var siteTypes = EnumArr<SiteType>(e, at, "siteTypes", false, "site type", camel: false).Select(x => x.Value).ToArray();
            var perDistrict = Bool(e, at, "perDistrict", false);
            var description = Text(e, at, "description", true);
            if (clause is not null && kind is not null && description is not null)
            {
                list.Add(new MoneyRule(clause, kind.Value, numerator, denominator, amount, approx, siteTypes, perDistrict, description));
            }
        }

        return list;
    }

    private List<AssessmentRule> ReadAssessment(JsonElement root)
    {
        var list = new List<AssessmentRule>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "assessment", false))
        {
            if (!IsObject(e, at, "An assessment rule"))
            {
                continue;
            }

            Fields(e, at, "clause", "kind", "feeShare", "earmarked", "description");
            var clause = Clause(e, at);
            var kind = EnumField<AssessmentRuleKind>(e, at, "kind", true, "assessment rule kind", camel: true);
            var share = Share(e, at, "feeShare", true);
            var earmarked = Bool(e, at, "earmarked", false);
            var description = Text(e, at, "description", true);
            if (clause is not null && kind is not null && share is not null && description is not null)
            {
                list.Add(new AssessmentRule(clause, kind.Value, share.Value, earmarked, description));
            }
        }

        return list;
    }

    private List<WageSchedule> ReadMinimumWage(JsonElement root)
    {
        var list = new List<(WageSchedule Schedule, string Path)>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "minimumWage", false))
        {
            if (!IsObject(e, at, "A minimum-wage schedule"))
            {
                continue;
            }

            Fields(e, at, "clause", "period", "tiers");
            var clause = Clause(e, at);
            var period = Period(e, at, "period", true);
            var tiers = new List<WageTier>();
            var numbers = new List<(int, string)>();
            var districtsSeen = new List<(string, string)>();
            var streetsSeen = new List<(string, string)>();
            foreach (var (t, tp) in Arr(e, at, "tiers", true))
            {
                if (!IsObject(t, tp, "A wage tier"))
                {
                    continue;
                }

                Fields(t, tp, "tier", "monthlyYuan", "partTimeHourlyYuan", "districts", "areas", "streets", "exceptStreets", "description", "note");
                var number = Int(t, tp, "tier", true, min: 1);
                var monthly = Dec(t, tp, "monthlyYuan", true);
                var hourly = Dec(t, tp, "partTimeHourlyYuan", true);
                var districtList = StrArr(t, tp, "districts", false);
                var districts = KnownDistricts(districtList, "the wage tier");
                var areas = KnownAreas(StrArr(t, tp, "areas", false), "the wage tier");
                var streetList = StrArr(t, tp, "streets", false);
                var streets = KnownStreets(streetList, "the wage tier");
                var except = KnownStreets(StrArr(t, tp, "exceptStreets", false), "the wage tier");
                var description = Text(t, tp, "description", true);
                var note = Text(t, tp, "note", false);
                districtsSeen.AddRange(districtList);
                streetsSeen.AddRange(streetList);
                if (number is { } n)
                {
                    numbers.Add((n, Field(tp, "tier")));
                }

                if (number is not null && monthly is not null && hourly is not null && description is not null)
                {
                    tiers.Add(new WageTier(number.Value, monthly.Value, hourly.Value, districts, areas, streets, except, description, note));
                }
            }

            Unique(numbers, "tier number");
            Unique(districtsSeen, "district in the tiers of one schedule (a district belongs to one tier)");
            Unique(streetsSeen, "street in the tiers of one schedule (a street belongs to one tier)");
            if (clause is not null && period is not null)
            {
                list.Add((new WageSchedule(clause, period, tiers), Field(at, "period")));
            }
        }

        for (var j = 1; j < list.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (list[j].Schedule.Period.Overlaps(list[i].Schedule.Period))
                {
                    Error(list[j].Path, $"this minimum-wage schedule ({list[j].Schedule.Period}) overlaps the one of {list[i].Schedule.Clause} ({list[i].Schedule.Period}); only one schedule may be in force on a day");
                }
            }
        }

        return list.Select(x => x.Schedule).ToList();
    }
}
