using System.Text;
using System.Text.Json;

namespace CitySort.Imports;

/// <summary>
/// Maps the JSON paths of a document (<c>$.features[3].geometry.coordinates[0][0][1]</c>) to line and column (both
/// from 1; the column counts characters, not bytes), so that a problem found while reading a <see cref="JsonDocument"/>
/// can be reported as file:line:column.
/// </summary>
internal sealed class JsonPositionIndex
{
    private readonly byte[] utf8;
    private readonly List<int> lineStarts = [0];
    private readonly Dictionary<string, int> offsets = new(StringComparer.Ordinal);

    public JsonPositionIndex(byte[] utf8, JsonReaderOptions options)
    {
        this.utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8, options);
        var frames = new Stack<(string Path, bool IsArray, int Next)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }

            string path;
            if (frames.Count == 0)
            {
                path = "$";
            }
            else
            {
                var parent = frames.Pop();
                path = parent.IsArray ? $"{parent.Path}[{parent.Next}]" : $"{parent.Path}.{property}";
                frames.Push(parent with { Next = parent.Next + 1 });
            }

            offsets.TryAdd(path, (int)reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
    }

    /// <summary>The line and column of the value at <paramref name="path"/>, or of its nearest ancestor that was indexed.</summary>
    public (int Line, int Column) Locate(string path)
    {
        var current = path;
        while (!offsets.ContainsKey(current) && current.Length > 1)
        {
            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : "$";
        }

        var offset = offsets.GetValueOrDefault(current);
        var lineIndex = lineStarts.BinarySearch(offset);
        if (lineIndex < 0)
        {
            lineIndex = ~lineIndex - 1;
        }

        var start = lineStarts[lineIndex];
        return (lineIndex + 1, Encoding.UTF8.GetCharCount(utf8, start, offset - start) + 1);
    }
}
