using CitySort.Fuzz;
using CitySort.Testing;

namespace CitySort.Tests.Fuzzing;

/// <summary>
/// Every input that once made a parser fail (tests/fuzz/regressions/TARGET/NAME, found by the fuzzer and fixed in the
/// parser) runs through the same harness again: the parser must now answer as written beside it (NAME.expected: the
/// start of the refusal's shape, reason code and reason with numbers as #; or <c>ok</c> for a file that must read).
/// </summary>
public sealed class FuzzRegressionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Root => Path.Combine(Requires.RepositoryRoot(), "tests", "fuzz");

    public static TheoryData<string, string> Inputs() => [.. Saved()];

    private static List<(string Target, string File)> Saved()
    {
        var data = new List<(string Target, string File)>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Root, "regressions")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".expected", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add((Path.GetFileName(folder), Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Fact]
    public void There_are_saved_inputs_and_each_names_a_target_and_has_its_expected_answer()
    {
        var inputs = Saved();

        Assert.NotEmpty(inputs);
        Assert.All(inputs, row =>
        {
            Assert.NotNull(FuzzTargets.Find(row.Target));
            Assert.True(File.Exists(Path.Combine(Root, "regressions", row.Target, Path.ChangeExtension(row.File, ".expected"))), $"{row.File} has no .expected file");
        });
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_saved_input_that_once_failed_now_gets_its_documented_answer(string targetName, string file)
    {
        var target = FuzzTargets.Find(targetName)!;
        var input = await File.ReadAllBytesAsync(Path.Combine(Root, "regressions", targetName, file), Ct);
        var expected = (await File.ReadAllTextAsync(Path.Combine(Root, "regressions", targetName, Path.ChangeExtension(file, ".expected")), Ct)).Trim();
        await using var registry = target.UsesDatabase ? await FuzzRegistry.CreateAsync(Path.Combine(Root, "corpus"), Ct) : null;

        var verdict = await FuzzTargets.RunAsync(target, input, registry, checkDatabase: true, Ct);

        Assert.Equal(expected == "ok", verdict.Accepted);
        Assert.StartsWith(expected, verdict.Signature, StringComparison.Ordinal);
        Assert.Null(verdict.PartialWrite);
    }
}
