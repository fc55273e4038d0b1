using System.Text.Json;
using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>The sections of the profile format and the checks across them (docs/profile.md).</summary>
internal sealed partial class ProfileReader
{
    /// <summary>The format name this version of CitySort reads.</summary>
    public const string FormatName = "citysort-profile/1";

    private static readonly string[] TopFields =
    [
        "format", "id", "version", "validFrom", "validTo", "title", "sources", "categories", "specialStreams", "divisions",
        "scope", "siteTypes", "collectionModes", "targets", "stages", "people", "money", "assessment", "minimumWage", "settings",
    ];

    private readonly HashSet<WasteCategory> declaredCategories = [];
    private readonly HashSet<SpecialStream> declaredStreams = [];
    private readonly HashSet<string> districtCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> areaIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> streetCodes = new(StringComparer.Ordinal);

    /// <summary>Reads and checks the whole document; returns the profile only when no problem was found.</summary>
    public PolicyProfile? Read(JsonElement root)
    {
        foreach (var duplicate in map.DuplicateProperties)
        {
            Error(duplicate, $"the field '{duplicate[(duplicate.LastIndexOfAny(['.', '[']) + 1)..].Trim('\'', ']')}' appears twice in the same object; keep one");
        }

        if (!IsObject(root, JsonPathText.Root, "A profile"))
        {
            return null;
        }

        const string at = JsonPathText.Root;
        var format = Str(root, at, "format", true);
        if (format is not null && !string.Equals(format, FormatName, StringComparison.Ordinal))
        {
            Error(Field(at, "format"), $"this file is in the format '{format}'; CitySort reads '{FormatName}'");
            return null;
        }

        Fields(root, at, TopFields);
        var id = Str(root, at, "id", true);
        var version = Str(root, at, "version", true);
        var validFrom = Date(root, at, "validFrom", true);
        var validTo = Date(root, at, "validTo", false);
        if (validFrom is { } vf && validTo is { } vt && vt < vf)
        {
            Error(Field(at, "validTo"), $"the profile stops applying on {Day(vt)}, before it starts on {Day(vf)}");
        }

        var title = Text(root, at, "title", true);
        var sources = ReadSources(root);
        var categories = ReadCategories(root);
        var streams = ReadStreams(root);
        var (districts, streets, areas) = ReadDivisions(root);
        var scope = ReadScope(root);
        var settings = ReadSettings(root);
        var siteTypes = ReadSiteTypes(root);
        var modes = ReadCollectionModes(root);
        var targets = ReadTargets(root, settings?.EssentiallyAllThreshold.Value);
        var stages = ReadStages(root);
        var people = ReadPeople(root);
        var money = ReadMoney(root);
        var assessment = ReadAssessment(root);
        var wages = ReadMinimumWage(root);
        CheckClauses(sources);

        if (errors.Count > 0 || id is null || version is null || validFrom is null || title is null || scope is null
            || settings is null || people is null)
        {
            return null;
        }

        return new PolicyProfile(
            format!, id, version, validFrom.Value, validTo, title, sources, categories, streams, districts, streets, areas,
            scope, siteTypes, modes, targets, stages, people, money, assessment, wages, settings);
    }

    private List<SourceDocument> ReadSources(JsonElement root)
    {
        var list = new List<SourceDocument>();
        var ids = new List<(string, string)>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "sources", true))
        {
            if (!IsObject(e, at, "A source document"))
            {
                continue;
            }

            Fields(e, at, "id", "number", "title", "issuer", "issued");
            var id = Str(e, at, "id", true);
            var number = Str(e, at, "number", false);
            var title = Text(e, at, "title", true);
            var issuer = Text(e, at, "issuer", false);
            var issued = Date(e, at, "issued", false);
            if (id is not null)
            {
                ids.Add((id, Field(at, "id")));
                if (id.Contains('-', StringComparison.Ordinal))
                {
                    Error(Field(at, "id"), $"a source id is the start of clause ids and must not contain '-', but is '{id}'");
                }
            }

            if (id is not null && title is not null)
            {
                list.Add(new SourceDocument(id, number, title, issuer, issued));
            }
        }

        Unique(ids, "source id");
        return list;
    }

    private List<CategoryDefinition> ReadCategories(JsonElement root)
    {
        var list = new List<CategoryDefinition>();
        var ids = new List<(WasteCategory, string)>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "categories", true))
        {
            if (!IsObject(e, at, "A category"))
            {
                continue;
            }

            Fields(e, at, "id", "clause", "name", "binColour", "description");
            var category = EnumField<WasteCategory>(e, at, "id", true, "category", camel: false);
            var clause = Clause(e, at);
            var name = Text(e, at, "name", true);
            var colour = ReadColour(e, at);
            var description = Text(e, at, "description", false);
            if (category is { } c)
            {
                ids.Add((c, Field(at, "id")));
                declaredCategories.Add(c);
                if (clause is not null && name is not null && colour is not null)
                {
                    list.Add(new CategoryDefinition(c, clause, name, colour, description));
                }
            }
        }

        Unique(ids, "category");
        return list;
    }

    private BinColour? ReadColour(JsonElement e, string at)
    {
        if (Get(e, at, "binColour", true) is not { } c)
        {
            return null;
        }

        var path = Field(at, "binColour");
        if (!IsObject(c, path, "'binColour'"))
        {
            return null;
        }

        Fields(c, path, "zh", "en", "hex");
        var zh = Str(c, path, "zh", true);
        var en = Str(c, path, "en", true);
        var hex = Str(c, path, "hex", true);
        if (hex is not null && !(hex.Length == 7 && hex[0] == '#' && hex[1..].All(char.IsAsciiHexDigit)))
        {
            Error(Field(path, "hex"), $"'hex' must be a colour written #rrggbb (e.g. \"#1e5aa8\"), but is \"{hex}\"");
            hex = null;
        }

        return zh is null || en is null || hex is null ? null : new BinColour(zh, en, hex);
    }

    private List<SpecialStreamDefinition> ReadStreams(JsonElement root)
    {
        var list = new List<SpecialStreamDefinition>();
        var ids = new List<(SpecialStream, string)>();
        foreach (var (e, at) in Arr(root, JsonPathText.Root, "specialStreams", false))
        {
            if (!IsObject(e, at, "A special stream"))
            {
                continue;
            }

            Fields(e, at, "id", "clause", "name", "description");
            var stream = EnumField<SpecialStream>(e, at, "id", true, "special stream", camel: false);
            var clause = Clause(e, at);
            var name = Text(e, at, "name", true);
            var description = Text(e, at, "description", false);
            if (stream is { } s)
            {
                ids.Add((s, Field(at, "id")));
                declaredStreams.Add(s);
                if (clause is not null && name is not null)
                {
                    list.Add(new SpecialStreamDefinition(s, clause, name, description));
                }
            }
        }

        Unique(ids, "special stream");
        return list;
    }

    private (List<DistrictDefinition>, List<StreetDefinition>, List<AreaDefinition>) ReadDivisions(JsonElement root)
    {
        var districts = new List<DistrictDefinition>();
        var streets = new List<StreetDefinition>();
        var areas = new List<AreaDefinition>();
        if (Get(root, JsonPathText.Root, "divisions", true) is not { } d)
        {
            return (districts, streets, areas);
        }

        var at = Field(JsonPathText.Root, "divisions");
        if (!IsObject(d, at, "'divisions'"))
        {
            return (districts, streets, areas);
        }

        Fields(d, at, "districts", "streets", "areas");
        var codes = new List<(string, string)>();
        foreach (var (e, p) in Arr(d, at, "districts", true))
        {
            if (!IsObject(e, p, "A district"))
            {
                continue;
            }

            Fields(e, p, "code", "name", "note");
            var code = DivisionCode(e, p, "code", 6);
            var name = Text(e, p, "name", true);
            var note = Text(e, p, "note", false);
            if (code is not null)
            {
                codes.Add((code, Field(p, "code")));
                districtCodes.Add(code);
                if (name is not null)
                {
                    districts.Add(new DistrictDefinition(code, name, note));
                }
            }
        }

        Unique(codes, "district code");
        var allStreetCodes = new List<(string, string)>();
        foreach (var (e, p) in Arr(d, at, "streets", false))
        {
            if (ReadStreet(e, p, allStreetCodes, standalone: true) is { } street)
            {
                streets.Add(street);
            }
        }

        var ids = new List<(string, string)>();
        foreach (var (e, p) in Arr(d, at, "areas", false))
        {
            if (!IsObject(e, p, "An area"))
            {
                continue;
            }

            Fields(e, p, "id", "kind", "clause", "name", "shortName", "countyCodes", "streets", "note");
            var id = Str(e, p, "id", true);
            var kind = Str(e, p, "kind", true);
            var clause = Clause(e, p);
            var name = Text(e, p, "name", true);
            var shortName = Text(e, p, "shortName", false);
            var county = new List<string>();
            foreach (var (c, cp) in StrArr(e, p, "countyCodes", false))
            {
                if (CheckCode(c, cp, 6, "a county-level code"))
                {
                    county.Add(c);
                }
            }

            var members = new List<StreetDefinition>();
            var memberPath = Field(p, "streets");
            var memberList = Arr(e, p, "streets", true);
            if (Get(e, p, "streets", false) is { ValueKind: JsonValueKind.Array } && memberList.Count == 0)
            {
                Error(memberPath, "an area needs at least one street");
            }

            foreach (var (s, sp) in memberList)
            {
                if (ReadStreet(s, sp, allStreetCodes, standalone: false) is { } street)
                {
                    members.Add(street);
                }
            }

            var note = Text(e, p, "note", false);
            if (id is not null)
            {
                ids.Add((id, Field(p, "id")));
                areaIds.Add(id);
                if (kind is not null && clause is not null && name is not null)
                {
                    areas.Add(new AreaDefinition(id, kind, clause, name, shortName, county, members, note));
                }
            }
        }

        Unique(ids, "area id");
        Unique(allStreetCodes, "street code");
        return (districts, streets, areas);
    }

    private StreetDefinition? ReadStreet(JsonElement e, string p, List<(string, string)> allCodes, bool standalone)
    {
        if (!IsObject(e, p, "A street"))
        {
            return null;
        }

        if (standalone)
        {
            Fields(e, p, "codes", "name", "district", "clause", "note");
        }
        else
        {
            Fields(e, p, "codes", "name", "note");
        }

        var codes = new List<string>();
        foreach (var (c, cp) in StrArr(e, p, "codes", true))
        {
            if (CheckCode(c, cp, 9, "a street code"))
            {
                codes.Add(c);
                allCodes.Add((c, cp));
                streetCodes.Add(c);
            }
        }

        if (Get(e, p, "codes", false) is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() == 0)
        {
            Error(Field(p, "codes"), "a street needs at least one code");
        }

        var name = Text(e, p, "name", true);
        string? district = null;
        string? clause = null;
        if (standalone)
        {
            district = Str(e, p, "district", false);
            if (district is not null && !districtCodes.Contains(district))
            {
                Error(Field(p, "district"), $"the street names district '{district}', which divisions.districts does not list");
            }

            clause = Clause(e, p, required: false);
        }

        var note = Text(e, p, "note", false);
        return name is null || codes.Count == 0 ? null : new StreetDefinition(codes, name, district, clause, note);
    }

    private string? DivisionCode(JsonElement e, string p, string name, int digits)
    {
        var code = Str(e, p, name, true);
        return code is not null && CheckCode(code, Field(p, name), digits, $"'{name}'") ? code : null;
    }

    private bool CheckCode(string code, string path, int digits, string what)
    {
        if (code.Length == digits && code.All(char.IsAsciiDigit))
        {
            return true;
        }

        Error(path, $"{what} must be {digits} digits written as text (e.g. \"{(digits == 6 ? "330302" : "330302006")}\"), but is \"{code}\"");
        return false;
    }

    private ProfileScope? ReadScope(JsonElement root)
    {
        if (Get(root, JsonPathText.Root, "scope", true) is not { } e)
        {
            return null;
        }

        var at = Field(JsonPathText.Root, "scope");
        if (!IsObject(e, at, "'scope'"))
        {
            return null;
        }

        Fields(e, at, "clause", "districts", "areas", "note");
        var clause = Clause(e, at);
        var districts = KnownDistricts(StrArr(e, at, "districts", true), "the scope");
        var areas = KnownAreas(StrArr(e, at, "areas", false), "the scope");
        var note = Text(e, at, "note", false);
        return clause is null ? null : new ProfileScope(clause, districts, areas, note);
    }

    private List<string> KnownDistricts(List<(string Value, string Path)> codes, string who)
    {
        foreach (var (code, path) in codes.Where(c => !districtCodes.Contains(c.Value)))
        {
            Error(path, $"{who} names district '{code}', which divisions.districts does not list");
        }

        Unique(codes, "district in this list");
        return codes.Select(c => c.Value).ToList();
    }

    private List<string> KnownAreas(List<(string Value, string Path)> ids, string who)
    {
        foreach (var (id, path) in ids.Where(c => !areaIds.Contains(c.Value)))
        {
            Error(path, $"{who} names area '{id}', which divisions.areas does not define");
        }

        Unique(ids, "area in this list");
        return ids.Select(c => c.Value).ToList();
    }

    private List<string> KnownStreets(List<(string Value, string Path)> codes, string who)
    {
        foreach (var (code, path) in codes.Where(c => !streetCodes.Contains(c.Value)))
        {
            Error(path, $"{who} names street '{code}', which neither divisions.streets nor any area's streets list");
        }

        Unique(codes, "street in this list");
        return codes.Select(c => c.Value).ToList();
    }

    private WasteCategory? CategoryRef(JsonElement e, string path)
    {
        if (EnumValue<WasteCategory>(e, path, "category", camel: false) is not { } c)
        {
            return null;
        }

        if (!declaredCategories.Contains(c))
        {
            Error(path, $"unknown category '{c}': the profile's categories list does not define it");
            return null;
        }

        return c;
    }

    private SpecialStream? StreamRef(JsonElement e, string path)
    {
        if (EnumValue<SpecialStream>(e, path, "special stream", camel: false) is not { } s)
        {
            return null;
        }

        if (!declaredStreams.Contains(s))
        {
            Error(path, $"unknown special stream '{s}': the profile's specialStreams list does not define it");
            return null;
        }

        return s;
    }

    private List<WasteCategory> CategoryRefs(JsonElement obj, string path, string name)
    {
        var list = new List<WasteCategory>();
        foreach (var (e, p) in Arr(obj, path, name, false))
        {
            if (CategoryRef(e, p) is { } c)
            {
                list.Add(c);
            }
        }

        return list;
    }

    private List<SpecialStream> StreamRefs(JsonElement obj, string path, string name)
    {
        var list = new List<SpecialStream>();
        foreach (var (e, p) in Arr(obj, path, name, false))
        {
            if (StreamRef(e, p) is { } s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    private void CheckClauses(List<SourceDocument> sources)
    {
        var ids = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, clause) in clauses)
        {
            var prefix = clause.Split('-', 2)[0];
            if (clause.Any(char.IsWhiteSpace))
            {
                Error(path, $"a clause id is one word such as \"W96-T1\", but is \"{clause}\"");
            }
            else if (!ids.Contains(prefix))
            {
                Error(path, $"clause '{clause}' belongs to source '{prefix}', which the profile's sources do not declare (declared: {string.Join(", ", ids)})");
            }
        }
    }
}
