using System.Globalization;

namespace CitySort.Policy;

/// <summary>Builds and walks the JSON paths used in <see cref="ProfileError"/>: <c>$</c>, <c>$.a.b</c>, <c>$.a[0]</c>, <c>$['odd name']</c>.</summary>
internal static class JsonPathText
{
    /// <summary>The path of the document root.</summary>
    public const string Root = "$";

    /// <summary>The path of property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name) =>
        IsPlain(name) ? parent + "." + name : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The path one step up, or null at the root.</summary>
    public static string? Parent(string path)
    {
        if (path == Root || path.Length == 0)
        {
            return null;
        }

        if (path[^1] == ']')
        {
            var open = path.LastIndexOf('[');
            return open > 0 ? path[..open] : Root;
        }

        var dot = path.LastIndexOf('.');
        return dot > 0 ? path[..dot] : Root;
    }

    private static bool IsPlain(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_' || name[0] == '$')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$');
}
