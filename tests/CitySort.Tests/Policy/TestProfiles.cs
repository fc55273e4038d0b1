using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitySort.Policy;

namespace CitySort.Tests.Policy;

/// <summary>The shipped profile as editable JSON, for tests that change one thing and load the result.</summary>
internal static class TestProfiles
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string SourceName = "test-profile.json";

    private static readonly string DefaultText = ProfileLoader.ReadEmbeddedText();

    /// <summary>The default profile's JSON tree, fresh for each call.</summary>
    public static JsonObject DefaultTree() => JsonNode.Parse(DefaultText)!.AsObject();

    /// <summary>The default profile with <paramref name="change"/> applied, as indented text.</summary>
    public static string Text(Action<JsonObject> change)
    {
        var tree = DefaultTree();
        change(tree);
        return tree.ToJsonString(Indented);
    }

    /// <summary>Loads text as a profile named <see cref="SourceName"/>.</summary>
    public static ProfileLoadResult LoadText(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return ProfileLoader.Load(stream, SourceName);
    }

    /// <summary>Loads the default profile with <paramref name="change"/> applied.</summary>
    public static ProfileLoadResult Load(Action<JsonObject> change) => LoadText(Text(change));

    /// <summary>Loads the default profile with <paramref name="change"/> applied and insists that it is valid.</summary>
    public static PolicyProfile Valid(Action<JsonObject> change)
    {
        var result = Load(change);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Profile!;
    }

    /// <summary>The node at a simple path such as <c>targets[3].splits[0]</c>.</summary>
    public static JsonNode At(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var indexes = new List<int>();
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                indexes.AddRange(part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }

            if (name.Length > 0)
            {
                node = node[name]!;
            }

            foreach (var i in indexes)
            {
                node = node[i]!;
            }
        }

        return node;
    }
}
