using System.Text;
using CitySort.Fuzz;
using CitySort.Testing;

namespace CitySort.Tests.Fuzzing;

/// <summary>
/// Each fuzz harness (tests/CitySort.Fuzz, docs/security.md "Fuzzing") runs briefly in the normal suite, so that none
/// can rot: its seeds still read, its mutated inputs reach the parser's refusals, and nothing crashes, hangs or writes
/// half an import. The long runs are recorded in docs/security.md.
/// </summary>
public sealed class FuzzHarnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Corpus => Path.Combine(Requires.RepositoryRoot(), "tests", "fuzz", "corpus");

    public static TheoryData<string> Targets => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Each_harness_runs_mutated_inputs_through_its_parser_without_a_crash_a_hang_or_a_partial_write(string name)
    {
        var target = FuzzTargets.Find(name)!;
        // The imports go through SQLite and take some milliseconds each; the pure readers take microseconds.
        var executions = target.UsesDatabase ? 300 : 3000;
        var options = new FuzzOptions { CorpusFolder = Corpus, Seed = 12, MaxExecutions = executions, MaxDuration = TimeSpan.FromMinutes(5), DatabaseCheckEvery = 10 };

        var result = await FuzzRunner.RunAsync(target, options, Ct);

        Assert.Empty(result.Findings.Select(f => $"{f.Kind}: {f.Detail}"));
        Assert.Equal(executions, result.Executions);
        Assert.True(result.Accepted > 0, "no input was read: the seeds no longer fit the parser");
        Assert.True(result.Refused > 0, "no input was refused: the mutations do not reach the parser's checks");
        Assert.True(result.Signatures > 10, $"only {result.Signatures} kinds of answer: the mutations do not reach past the first check");
        if (target.UsesDatabase)
        {
            Assert.Equal(executions / options.DatabaseCheckEvery, result.DatabaseChecks);
        }
    }

    [Fact]
    public async Task The_database_fingerprint_sees_an_import_that_writes()
    {
        await using var registry = await FuzzRegistry.CreateAsync(Corpus, Ct);
        var before = await registry.FingerprintAsync(Ct);

        // A street the base files do not have: the base divisions file has 4 streets (the communities file names no
        // other), so Streets holds 4 + 1 = 5 rows after, and the audit trail one entry more.
        var report = await registry.ImportAsync("divisions", new MemoryStream(Encoding.UTF8.GetBytes(
            "code,name,district_code,district_name\n330302007,南郊街道,330302,鹿城区\n")), Ct);
        var after = await registry.FingerprintAsync(Ct);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.NotEqual(before, after);
        Assert.Contains(after, line => line.StartsWith("Streets: 5 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void The_mutator_gives_the_same_inputs_for_the_same_seed_and_other_inputs_for_another()
    {
        byte[][] pool = [Encoding.UTF8.GetBytes("code,name\n330302006,五马街道\n")];

        var a = new Mutator(7, Mutator.CommonTokens);
        var b = new Mutator(7, Mutator.CommonTokens);
        var c = new Mutator(8, Mutator.CommonTokens);
        var fromA = Enumerable.Range(0, 50).Select(_ => Convert.ToHexString(a.Next(pool))).ToList();
        var fromB = Enumerable.Range(0, 50).Select(_ => Convert.ToHexString(b.Next(pool))).ToList();
        var fromC = Enumerable.Range(0, 50).Select(_ => Convert.ToHexString(c.Next(pool))).ToList();

        Assert.Equal(fromA, fromB);
        Assert.NotEqual(fromA, fromC);
        Assert.True(fromA.Distinct().Count() > 40, "the mutations repeat themselves");
        Assert.True(fromA.Count(hex => hex != Convert.ToHexString(pool[0])) > 40, "the mutations leave the seed as it is");
    }
}
