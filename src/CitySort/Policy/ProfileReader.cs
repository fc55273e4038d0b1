using System.Globalization;
using System.Text.Json;

namespace CitySort.Policy;

/// <summary>
/// Reads the JSON value tree of a profile field by field, checking each value where it stands. Every problem is
/// recorded with its JSON path and position and reading goes on, so one pass reports all of them. This part holds
/// the value readers; the sections, settings and cross-checks (references, sums, overlaps, duplicates) are in the
/// other parts of the class.
/// </summary>
internal sealed partial class ProfileReader
{
    private readonly string source;
    private readonly JsonPositionMap map;
    private readonly List<ProfileError> errors = [];
    private readonly List<(string Path, string Clause)> clauses = [];

    public ProfileReader(string source, JsonPositionMap map)
    {
        this.source = source;
        this.map = map;
    }

    /// <summary>Every problem found so far, in the order found.</summary>
    public IReadOnlyList<ProfileError> Errors => errors;

    /// <summary>Records a problem at <paramref name="path"/>.</summary>
    public void Error(string path, string reason)
    {
        var position = map.Find(path);
        errors.Add(new ProfileError(source, path, position?.Line, position?.Column, reason));
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "the text \"" + e.GetString() + "\"",
        JsonValueKind.Number => "the number " + e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object { … }",
        JsonValueKind.Array => "a list [ … ]",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Field(string path, string name) => JsonPathText.Property(path, name);

    private bool IsObject(JsonElement e, string path, string what)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, $"{what} must be an object {{ … }}, but is {Describe(e)}");
        return false;
    }

    /// <summary>Reports every property of <paramref name="obj"/> whose name is not in <paramref name="allowed"/>.</summary>
    private void Fields(JsonElement obj, string path, params string[] allowed)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var suggestion = allowed.OrderBy(a => Distance(a, property.Name)).FirstOrDefault();
            var hint = suggestion is not null && Distance(suggestion, property.Name) <= 2 ? $" (did you mean '{suggestion}'?)" : string.Empty;
            Error(Field(path, property.Name), $"unknown field '{property.Name}'{hint}; the fields allowed here are: {string.Join(", ", allowed)}");
        }
    }

    private JsonElement? Get(JsonElement obj, string path, string name, bool required)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Error(path, $"the required field '{name}' is missing");
        }

        return null;
    }

    private string? Str(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        return StrValue(e, Field(path, name), $"'{name}'");
    }

    private string? StrValue(JsonElement e, string path, string what)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            Error(path, $"{what} must be text in quotes, but is {Describe(e)}");
            return null;
        }

        var s = e.GetString();
        if (string.IsNullOrWhiteSpace(s))
        {
            Error(path, $"{what} must not be empty");
            return null;
        }

        return s.Trim();
    }

    private int? Int(JsonElement obj, string path, string name, bool required, int min = 0)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        var at = Field(path, name);
        if (e.ValueKind != JsonValueKind.Number)
        {
            Error(at, $"'{name}' must be a whole number, but is {Describe(e)}");
            return null;
        }

        if (!e.TryGetInt32(out var value))
        {
            Error(at, $"'{name}' must be a whole number, but is {e.GetRawText()}");
            return null;
        }

        if (value < min)
        {
            Error(at, min == 0
                ? $"'{name}' is a count and must not be negative, but is {value}"
                : $"'{name}' must be at least {min}, but is {value}");
            return null;
        }

        return value;
    }

    private decimal? Dec(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        var at = Field(path, name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var value))
        {
            Error(at, $"'{name}' must be a number, but is {Describe(e)}");
            return null;
        }

        if (value < 0)
        {
            Error(at, $"'{name}' must not be negative, but is {e.GetRawText()}");
            return null;
        }

        return value;
    }

    private decimal? Share(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        var at = Field(path, name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var value))
        {
            Error(at, $"'{name}' is a share and must be a number from 0 to 1, but is {Describe(e)}");
            return null;
        }

        if (value is < 0 or > 1)
        {
            Error(at, $"'{name}' is a share and must be from 0 to 1 (0.5 means 50 %), but is {e.GetRawText()}");
            return null;
        }

        return value;
    }

    private bool Bool(JsonElement obj, string path, string name, bool fallback, bool required = false)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return fallback;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        Error(Field(path, name), $"'{name}' must be true or false, but is {Describe(e)}");
        return fallback;
    }

    private DateOnly? Date(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        return DateValue(e, Field(path, name), $"'{name}'");
    }

    private DateOnly? DateValue(JsonElement e, string path, string what)
    {
        if (e.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Error(path, $"{what} must be a date written YYYY-MM-DD (e.g. \"2015-12-31\"), but is {Describe(e)}");
        return null;
    }

    private T? EnumValue<T>(JsonElement e, string path, string what, bool camel)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => camel ? char.ToLowerInvariant(n[0]) + n[1..] : n).ToArray();
        if (e.ValueKind == JsonValueKind.String)
        {
            var s = e.GetString()?.Trim() ?? string.Empty;
            if (s.Length > 0 && s.All(char.IsAsciiLetter) && Enum.TryParse<T>(s, ignoreCase: true, out var value))
            {
                return value;
            }

            Error(path, $"unknown {what} '{s}'; expected one of: {string.Join(", ", names)}");
            return null;
        }

        Error(path, $"{what} must be one of {string.Join(", ", names)} in quotes, but is {Describe(e)}");
        return null;
    }

    private T? EnumField<T>(JsonElement obj, string path, string name, bool required, string what, bool camel)
        where T : struct, Enum
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        return EnumValue<T>(e, Field(path, name), what, camel);
    }

    private LocalizedText? Text(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        return TextValue(e, Field(path, name), $"'{name}'");
    }

    private LocalizedText? TextValue(JsonElement e, string at, string what)
    {
        if (!IsObject(e, at, what + " (Chinese and English text, { \"zh\": …, \"en\": … })"))
        {
            return null;
        }

        Fields(e, at, "zh", "en");
        var zh = Str(e, at, "zh", true);
        var en = Str(e, at, "en", true);
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    private List<(JsonElement Element, string Path)> Arr(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return [];
        }

        var at = Field(path, name);
        if (e.ValueKind != JsonValueKind.Array)
        {
            Error(at, $"'{name}' must be a list [ … ], but is {Describe(e)}");
            return [];
        }

        return e.EnumerateArray().Select((x, i) => (x, JsonPathText.Index(at, i))).ToList();
    }

    private List<(string Value, string Path)> StrArr(JsonElement obj, string path, string name, bool required)
    {
        var list = new List<(string, string)>();
        foreach (var (e, at) in Arr(obj, path, name, required))
        {
            if (StrValue(e, at, $"each entry of '{name}'") is { } s)
            {
                list.Add((s, at));
            }
        }

        return list;
    }

    private List<(T Value, string Path)> EnumArr<T>(JsonElement obj, string path, string name, bool required, string what, bool camel)
        where T : struct, Enum
    {
        var list = new List<(T, string)>();
        foreach (var (e, at) in Arr(obj, path, name, required))
        {
            if (EnumValue<T>(e, at, what, camel) is { } v)
            {
                list.Add((v, at));
            }
        }

        return list;
    }

    /// <summary>Reads the field <c>clause</c> and remembers it for the check against the declared sources.</summary>
    private string? Clause(JsonElement obj, string path, bool required = true)
    {
        var clause = Str(obj, path, "clause", required);
        if (clause is not null)
        {
            clauses.Add((Field(path, "clause"), clause));
        }

        return clause;
    }

    private DatePeriod? Period(JsonElement obj, string path, string name, bool required)
    {
        if (Get(obj, path, name, required) is not { } e)
        {
            return null;
        }

        var at = Field(path, name);
        if (!IsObject(e, at, $"'{name}' (a period {{ \"from\": …, \"to\": … }})"))
        {
            return null;
        }

        Fields(e, at, "from", "to");
        var from = Date(e, at, "from", false);
        var to = Date(e, at, "to", false);
        if (from is { } f && to is { } t && t < f)
        {
            Error(at, $"the period ends on {Day(t)}, before it starts on {Day(f)}");
            return null;
        }

        return new DatePeriod(from, to);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Unique<T>(IEnumerable<(T Key, string Path)> items, string what)
        where T : notnull
    {
        var seen = new Dictionary<T, string>();
        foreach (var (key, at) in items)
        {
            if (!seen.TryAdd(key, at))
            {
                Error(at, $"duplicate {what} '{key}': it is already defined at {seen[key]}");
            }
        }
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
