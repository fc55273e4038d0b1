using System.Text;
using System.Text.Json;

namespace CitySort.Policy;

/// <summary>
/// Loads and validates policy profiles (format <c>citysort-profile/1</c>, docs/profile.md). Loading never throws for
/// bad input: it returns every problem found, each with its source, JSON path, line, column and reason. The Wenzhou
/// 2015 profile (W96, W58) is embedded as the default.
/// </summary>
public static class ProfileLoader
{
    /// <summary>The id of the default profile, <c>wenzhou-2015</c>.</summary>
    public const string DefaultProfileId = "wenzhou-2015";

    /// <summary>The format name this version reads, <c>citysort-profile/1</c>.</summary>
    public const string FormatName = ProfileReader.FormatName;

    private const string ResourcePrefix = "CitySort.Policy.Profiles.";

    /// <summary>The ids of the profiles embedded in CitySort (file names without <c>.json</c>), e.g. <c>wenzhou-2015</c>.</summary>
    /// <returns>The ids, sorted.</returns>
    public static IReadOnlyList<string> EmbeddedProfileIds() =>
        typeof(ProfileLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The JSON text of an embedded profile, as shipped (for showing or saving a copy to edit).</summary>
    /// <param name="id">The profile id; the default when omitted.</param>
    /// <returns>The UTF-8 text.</returns>
    /// <exception cref="ArgumentException">When no profile with that id is embedded.</exception>
    public static string ReadEmbeddedText(string id = DefaultProfileId)
    {
        using var stream = OpenEmbedded(id);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Loads the default profile, Wenzhou 2015 (W96, W58), from the embedded resource.
    /// </summary>
    /// <returns>The profile.</returns>
    /// <exception cref="InvalidOperationException">When the embedded profile does not validate, which is a defect of the build.</exception>
    public static PolicyProfile LoadDefault() => LoadEmbedded(DefaultProfileId);

    /// <summary>Loads an embedded profile by id.</summary>
    /// <param name="id">The profile id, e.g. <c>wenzhou-2015</c>.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">When no profile with that id is embedded.</exception>
    /// <exception cref="InvalidOperationException">When the embedded profile does not validate (a defect of the build).</exception>
    public static PolicyProfile LoadEmbedded(string id)
    {
        using var stream = OpenEmbedded(id);
        var result = Load(stream, id + ".json");
        return result.Profile ?? throw new InvalidOperationException(
            "The embedded profile " + id + " is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
    }

    /// <summary>Loads and validates a profile file.</summary>
    /// <param name="path">The file's path; errors name it as given.</param>
    /// <returns>The profile or all problems found; a missing or unreadable file is one problem at <c>$</c>.</returns>
    public static ProfileLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Failed(path, "the file does not exist");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (IOException ex)
        {
            return Failed(path, "the file could not be read: " + ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(path, "the file could not be read: " + ex.Message);
        }
    }

    /// <summary>Loads and validates a profile from a stream of UTF-8 JSON (a byte-order mark is allowed).</summary>
    /// <param name="stream">The JSON; read to the end, not closed.</param>
    /// <param name="sourceName">The name errors give as their source, e.g. the file name.</param>
    /// <returns>The profile or all problems found, in document order.</returns>
    public static ProfileLoadResult Load(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        if (Imports.Utf8Text.FirstInvalidByte(bytes) is { } bad)
        {
            var (badLine, badColumn) = JsonPositionMap.LinesOnly(bytes).PositionOf(bad);
            return new ProfileLoadResult(null, [new ProfileError(sourceName, JsonPathText.Root, badLine, badColumn,
                $"the file is not UTF-8 text (byte 0x{bytes[bad]:X2} cannot be read); save it as UTF-8, for example from an editor's \"Save as… UTF-8\"")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            var lines = JsonPositionMap.LinesOnly(bytes);
            var (line, column) = lines.PositionOf((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            return new ProfileLoadResult(null, [new ProfileError(sourceName, JsonPathText.Root, line, column, "the file is not valid JSON: " + PlainParserMessage(ex.Message))]);
        }

        if (Imports.JsonStringCheck.FirstUnreadableString(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow }) is { } unreadable)
        {
            document.Dispose();
            var (stringLine, stringColumn) = JsonPositionMap.LinesOnly(bytes).PositionOf(unreadable);
            return new ProfileLoadResult(null, [new ProfileError(sourceName, JsonPathText.Root, stringLine, stringColumn,
                "the string here holds an escape that is no character (a lone surrogate such as \\ud800); write the character itself or a complete pair")]);
        }

        using (document)
        {
            var reader = new ProfileReader(sourceName, JsonPositionMap.Build(bytes));
            var profile = reader.Read(document.RootElement);
            var errors = reader.Errors
                .Select((e, i) => (e, i))
                .OrderBy(x => x.e.Line ?? int.MaxValue)
                .ThenBy(x => x.e.Column ?? int.MaxValue)
                .ThenBy(x => x.i)
                .Select(x => x.e)
                .ToArray();
            return new ProfileLoadResult(errors.Length == 0 ? profile : null, errors);
        }
    }

    private static Stream OpenEmbedded(string id) =>
        typeof(ProfileLoader).Assembly.GetManifestResourceStream(ResourcePrefix + id + ".json")
        ?? throw new ArgumentException("No embedded profile has the id '" + id + "'. Embedded: " + string.Join(", ", EmbeddedProfileIds()), nameof(id));

    private static ProfileLoadResult Failed(string source, string reason) =>
        new(null, [new ProfileError(source, JsonPathText.Root, null, null, reason)]);

    /// <summary>The parser's message without its own position suffix (the error carries line and column).</summary>
    private static string PlainParserMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim();
        return text.EndsWith('.') ? text[..^1] : text;
    }
}
