extern alias JsonSchemaNet;

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitySort.Policy;
using CitySort.Testing;
using JsonSchemaNet::Json.Schema;

namespace CitySort.Tests.Policy;

/// <summary>
/// The published JSON Schema of the profile format (docs/profile.schema.json) agrees with the loader and with the C#
/// model it reads into, so that neither can change without the other: every shipped profile validates; at every
/// object of the shipped profile the schema allows exactly the fields the loader allows; every object of the schema
/// names its model type and covers exactly that type's properties; every enumeration lists exactly the enum's names.
/// </summary>
public sealed class ProfileSchemaTests
{
    private const string Probe = "fieldNoProfileHas";
    private const string AllowedLead = "the fields allowed here are: ";

    private static readonly string SchemaPath = Path.Combine(Requires.RepositoryRoot(), "docs", "profile.schema.json");
    private static readonly string SchemaText = File.ReadAllText(SchemaPath);
    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);
    private static readonly JsonObject SchemaTree = JsonNode.Parse(SchemaText)!.AsObject();

    // Objects of the file that the model does not keep as a type of their own: their fields are flattened into the
    // owner's type, which names them with x-model-property (divisions into PolicyProfile; supervisors and persuaders
    // into PeopleRules; a money rule's share fraction into MoneyRule).
    private static readonly string[] FlattenedDefinitions = ["divisions", "fraction", "persuaders", "supervisors"];

    public static TheoryData<string> ShippedProfiles() => new(ProfileLoader.EmbeddedProfileIds());

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public void Every_shipped_profile_validates_against_the_published_schema(string id)
    {
        using var document = JsonDocument.Parse(ProfileLoader.ReadEmbeddedText(id));

        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void The_schema_refuses_a_profile_the_loader_refuses_for_a_wrong_value()
    {
        // W96-T1 overall as shipped is 0.5; 1.5 is not a share (the loader: "must be from 0 to 1").
        var text = TestProfiles.Text(root => TestProfiles.At(root, "targets[0]")["minShare"] = 1.5);
        using var document = JsonDocument.Parse(text);

        Assert.False(TestProfiles.LoadText(text).IsValid);
        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void At_every_object_of_the_shipped_profile_the_schema_allows_the_fields_the_loader_allows()
    {
        var locations = Objects(TestProfiles.DefaultTree(), "$", []).DistinctBy(o => string.Join("/", o.Steps)).ToList();
        Assert.True(locations.Count > 50, "the shipped profile has objects at " + locations.Count + " kinds of place");

        foreach (var (path, steps) in locations)
        {
            // Add an unknown field at this object: the loader names the fields it allows there.
            var tree = TestProfiles.DefaultTree();
            Node(tree, steps).AsObject()[Probe] = 1;
            var text = tree.ToJsonString();
            var error = TestProfiles.LoadText(text).Errors.SingleOrDefault(e => e.JsonPath == path + "." + Probe);
            Assert.True(error is not null, "the loader took an unknown field at " + path);
            var allowed = error.Reason[(error.Reason.IndexOf(AllowedLead, StringComparison.Ordinal) + AllowedLead.Length)..].Split(", ").Order(StringComparer.Ordinal).ToList();
            var schema = SchemaAt(steps);
            var described = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

            Assert.True(allowed.SequenceEqual(described), $"{path}: the loader allows {string.Join(", ", allowed)}; the schema {string.Join(", ", described)}");
            Assert.False(schema["additionalProperties"]!.GetValue<bool>(), path);
            using var document = JsonDocument.Parse(text);
            Assert.False(Schema.Evaluate(document.RootElement).IsValid, "the schema took an unknown field at " + path);
        }
    }

    [Fact]
    public void Every_object_of_the_schema_covers_exactly_the_properties_of_the_model_type_it_names()
    {
        var objects = Definitions().Where(d => (string?)d.Schema["type"] == "object").ToList();

        Assert.Equal(FlattenedDefinitions, objects.Where(d => d.Schema["x-model"] is null).Select(d => d.Name).Order(StringComparer.Ordinal));
        foreach (var (name, schema) in objects.Where(d => d.Schema["x-model"] is not null))
        {
            var type = typeof(PolicyProfile).Assembly.GetType("CitySort.Policy." + (string)schema["x-model"]!);
            Assert.True(type is not null, name + " names the model type " + schema["x-model"] + ", which does not exist");
            var model = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => p.Name);
            var mapped = schema["properties"]!.AsObject()
                .SelectMany(p => p.Value!["x-model-property"] switch
                {
                    null => [char.ToUpperInvariant(p.Key[0]) + p.Key[1..]],
                    JsonArray many => many.Select(m => (string)m!),
                    var one => [(string)one!],
                })
                .Concat(schema["x-model-derived"]?.AsArray().Select(d => (string)d!) ?? []);

            Assert.True(
                model.Order(StringComparer.Ordinal).SequenceEqual(mapped.Distinct().Order(StringComparer.Ordinal)),
                $"{name} ({type.Name}): the model has {string.Join(", ", model.Order(StringComparer.Ordinal))}; the schema gives {string.Join(", ", mapped.Distinct().Order(StringComparer.Ordinal))}");
        }
    }

    [Fact]
    public void Every_enumeration_of_the_schema_lists_exactly_the_names_of_its_enum()
    {
        var enums = Definitions().Where(d => d.Schema["x-model-enum"] is not null).ToList();
        Assert.NotEmpty(enums);

        foreach (var (name, schema) in enums)
        {
            var typeName = (string)schema["x-model-enum"]!;
            var type = typeName == nameof(DayOfWeek)
                ? typeof(DayOfWeek)
                : typeof(PolicyProfile).Assembly.GetTypes().Single(t => t.IsEnum && t.Name == typeName && t.IsPublic);
            var values = schema["enum"]!.AsArray().Select(v => (string)v!).ToList();
            var names = Enum.GetNames(type);
            var camel = names.Select(n => char.ToLowerInvariant(n[0]) + n[1..]);

            Assert.True(values.SequenceEqual(names) || values.SequenceEqual(camel), $"{name}: {string.Join(", ", values)} against {string.Join(", ", names)}");
        }
    }

    private static IEnumerable<(string Name, JsonObject Schema)> Definitions() =>
        SchemaTree["$defs"]!.AsObject().Select(d => (d.Key, d.Value!.AsObject())).Append(("(root)", SchemaTree));

    /// <summary>Every object in the tree with its loader path (<c>$.a[0].b</c>) and its steps (a name, or null for an array item).</summary>
    private static IEnumerable<(string Path, List<(string? Name, int Index)> Steps)> Objects(JsonNode? node, string path, List<(string? Name, int Index)> steps)
    {
        if (node is JsonObject obj)
        {
            yield return (path, steps);
            foreach (var (name, value) in obj)
            {
                foreach (var found in Objects(value, path + "." + name, [.. steps, (name, 0)]))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in Objects(array[i], path + "[" + i + "]", [.. steps, (null, i)]))
                {
                    yield return found;
                }
            }
        }
    }

    private static JsonNode Node(JsonNode root, List<(string? Name, int Index)> steps) =>
        steps.Aggregate(root, (node, step) => step.Name is null ? node[step.Index]! : node[step.Name]!);

    /// <summary>The object schema at the place the steps lead to, following $ref, properties and items.</summary>
    private static JsonObject SchemaAt(List<(string? Name, int Index)> steps)
    {
        var schema = Resolve(SchemaTree);
        foreach (var (name, _) in steps)
        {
            schema = Resolve((name is null ? schema["items"] : schema["properties"]?[name])!.AsObject());
        }

        return schema;
    }

    private static JsonObject Resolve(JsonObject schema) =>
        schema["$ref"] is { } reference
            ? Resolve(SchemaTree["$defs"]![((string)reference!)["#/$defs/".Length..]]!.AsObject())
            : schema;

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)));
}
