using System.Text;
using System.Text.Json;

namespace CitySort.Policy;

/// <summary>
/// Where each JSON path of a well-formed document starts in the file (1-based line and character column), and which
/// properties occur twice in one object. Built with one pass of <see cref="Utf8JsonReader"/>.
/// </summary>
internal sealed class JsonPositionMap
{
    private readonly Dictionary<string, long> offsets = new(StringComparer.Ordinal);
    private readonly List<int> lineStarts = [0];
    private readonly byte[] utf8;

    private JsonPositionMap(byte[] utf8)
    {
        this.utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>Paths of properties that repeat a name already used in the same object, in document order.</summary>
    public List<string> DuplicateProperties { get; } = [];

    /// <summary>A map of line starts only, for positions given by a parser error.</summary>
    public static JsonPositionMap LinesOnly(byte[] utf8) => new(utf8);

    /// <summary>
    /// Builds the map of a well-formed document: the one map of JSON paths to positions, used by the profile loader
    /// (no comments) and the boundaries import (comments and trailing commas allowed).
    /// </summary>
    /// <param name="utf8">The document, UTF-8 without a byte order mark.</param>
    /// <param name="options">Reader options; by default comments are not allowed.</param>
    public static JsonPositionMap Build(byte[] utf8, JsonReaderOptions? options = null)
    {
        var map = new JsonPositionMap(utf8);
        var reader = new Utf8JsonReader(utf8, options ?? new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var stack = new Stack<Frame>();
        string ValuePath()
        {
            if (stack.Count == 0)
            {
                return JsonPathText.Root;
            }

            var top = stack.Peek();
            if (top.IsArray)
            {
                return JsonPathText.Index(top.Path, top.NextIndex++);
            }

            return top.PendingProperty ?? top.Path;
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    {
                        var frame = stack.Peek();
                        var name = reader.GetString() ?? string.Empty;
                        var path = JsonPathText.Property(frame.Path, name);
                        if (!frame.Names.Add(name))
                        {
                            map.DuplicateProperties.Add(path);
                        }

                        map.offsets.TryAdd(path, reader.TokenStartIndex);
                        frame.PendingProperty = path;
                        break;
                    }

                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    {
                        var path = ValuePath();
                        map.offsets.TryAdd(path, reader.TokenStartIndex);
                        stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    }

                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    {
                        var path = ValuePath();
                        map.offsets.TryAdd(path, reader.TokenStartIndex);
                        break;
                    }
            }
        }

        return map;
    }

    /// <summary>The position of <paramref name="path"/>, or of its nearest ancestor that has one.</summary>
    public (int Line, int Column)? Find(string path)
    {
        for (var p = path; p is not null; p = JsonPathText.Parent(p))
        {
            if (offsets.TryGetValue(p, out var offset))
            {
                return PositionOf(offset);
            }
        }

        return null;
    }

    /// <summary>1-based line and character column of a byte offset.</summary>
    public (int Line, int Column) PositionOf(long byteOffset)
    {
        var index = lineStarts.BinarySearch((int)byteOffset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, ColumnOf(line, (int)byteOffset - lineStarts[line]));
    }

    /// <summary>1-based character column of a 0-based line and 0-based byte position in that line.</summary>
    public (int Line, int Column) PositionOf(int zeroBasedLine, int bytePositionInLine)
    {
        var line = Math.Clamp(zeroBasedLine, 0, lineStarts.Count - 1);
        return (line + 1, ColumnOf(line, bytePositionInLine));
    }

    private int ColumnOf(int line, int bytesIntoLine)
    {
        var start = lineStarts[line];
        var length = Math.Clamp(bytesIntoLine, 0, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8, start, length) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string? PendingProperty { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
