using System.Text.Json.Nodes;
using CitySort.Policy;

namespace CitySort.Tests.Policy;

public sealed class ProfileRobustnessTests
{
    /// <summary>Each field of the shipped profile (first element of each list) replaced by a wrong value or removed.</summary>
    private static IEnumerable<(string Path, Action<JsonObject> Change)> Mutations()
    {
        var tree = TestProfiles.DefaultTree();
        var paths = new List<(string Parent, string? Name, int? Index)>();

        void Walk(JsonNode node, string path)
        {
            if (node is JsonObject o)
            {
                foreach (var (name, child) in o)
                {
                    paths.Add((path, name, null));
                    if (child is not null)
                    {
                        Walk(child, path.Length == 0 ? name : path + "." + name);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                // The first element stands for its siblings: they share one shape.
                if (a.Count > 0)
                {
                    paths.Add((path, null, 0));
                    Walk(a[0]!, path + "[0]");
                }
            }
        }

        Walk(tree, string.Empty);
        JsonNode?[] replacements = [null, JsonValue.Create(-1), new JsonArray()];
        for (var k = 0; k < paths.Count; k++)
        {
            var (parent, name, index) = paths[k];
            var where = name ?? $"[{index}]";

            // One wrong value per field, taking the three kinds in turn (wrong type for text, numbers and objects alike).
            var replacement = replacements[k % replacements.Length];
            yield return ($"{parent}.{where} := {replacement?.ToJsonString() ?? "null"}", root =>
            {
                var owner = parent.Length == 0 ? root : TestProfiles.At(root, parent);
                if (name is not null)
                {
                    owner[name] = replacement?.DeepClone();
                }
                else
                {
                    owner[index!.Value] = replacement?.DeepClone();
                }
            }
            );

            if (name is not null)
            {
                yield return ($"remove {parent}.{name}", root => (parent.Length == 0 ? root : TestProfiles.At(root, parent)).AsObject().Remove(name));
            }
        }
    }

    [Fact]
    public void No_single_change_to_the_profile_makes_the_loader_throw_and_every_error_has_a_position()
    {
        var failures = new List<string>();
        foreach (var (path, change) in Mutations())
        {
            try
            {
                var result = TestProfiles.Load(change);
                if (!result.IsValid && result.Errors.Count == 0)
                {
                    failures.Add(path + ": invalid without an error");
                }

                failures.AddRange(result.Errors.Where(e => e.Line is null || !e.JsonPath.StartsWith('$')).Select(e => path + ": " + e));
                if (result.IsValid && result.Errors.Count > 0)
                {
                    failures.Add(path + ": valid with errors");
                }
            }
            catch (Exception ex)
            {
                failures.Add(path + ": " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Optional_sections_may_be_left_out()
    {
        var result = TestProfiles.Load(p =>
        {
            foreach (var name in new[] { "specialStreams", "collectionModes", "stages", "money", "assessment", "minimumWage", "validTo" })
            {
                p.Remove(name);
            }

            foreach (var rule in p["siteTypes"]!.AsArray())
            {
                rule!["bins"] = new JsonArray(rule["bins"]!.AsArray().Where(b => b!["stream"] is null).Select(b => b!.DeepClone()).ToArray());
            }

            p["targets"] = new JsonArray(p["targets"]!.AsArray().Where(t => t!["streams"] is null).Select(t => t!.DeepClone()).ToArray());
        });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Null(result.Profile!.WageTierFor("330302", null));
    }
}
