using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace CitySort.Fuzz;

/// <summary>
/// Runs one target: every seed first, then mutated inputs (<see cref="Mutator"/>) until the execution count or the
/// time is spent, each input in-process through the real parser with a time bound. An input whose answer is of a
/// kind not seen before joins the pool, so that mutations reach past the first check. Crashes (one saved per exception
/// type, throwing method and message), hangs (the run stops) and partial writes are the findings.
/// </summary>
public static class FuzzRunner
{
    private const int MaxPool = 2000;
    private const int MaxPooledBytes = 64 * 1024;

    /// <summary>Fuzzes <paramref name="target"/> as <paramref name="options"/> say.</summary>
    /// <param name="target">The target.</param>
    /// <param name="options">Corpus, seed, limits.</param>
    /// <param name="cancellationToken">Stops the run early (what ran is reported).</param>
    /// <returns>The run's counts and findings.</returns>
    /// <exception cref="InvalidOperationException">The target has no seed.</exception>
    public static async Task<FuzzRunResult> RunAsync(FuzzTarget target, FuzzOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.Combine(options.CorpusFolder, target.Name);
        var seeds = (Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes) : [])
            .Concat(FuzzTargets.BuiltInSeeds(target))
            .ToList();
        if (seeds.Count == 0)
        {
            throw new InvalidOperationException($"The target {target.Name} has no seed in {folder}.");
        }

        var pool = new List<byte[]>(seeds);
        var mutator = new Mutator(options.Seed, [.. Mutator.CommonTokens, .. target.Tokens.Select(System.Text.Encoding.UTF8.GetBytes)]);
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<FuzzFinding>();
        var crashKinds = new HashSet<string>(StringComparer.Ordinal);
        long executions = 0, accepted = 0, refused = 0, checks = 0;
        var clock = Stopwatch.StartNew();
        var nextProgress = TimeSpan.FromSeconds(30);
        await using var registry = target.UsesDatabase ? await FuzzRegistry.CreateAsync(options.CorpusFolder, cancellationToken) : null;
        while (executions < options.MaxExecutions && clock.Elapsed < options.MaxDuration && !cancellationToken.IsCancellationRequested)
        {
            var input = executions < seeds.Count ? seeds[(int)executions] : mutator.Next(pool);
            var check = target.UsesDatabase && executions % options.DatabaseCheckEvery == 0;
            executions++;
            if (check)
            {
                checks++;
            }

            FuzzVerdict verdict;
            try
            {
                verdict = await Task.Run(() => FuzzTargets.RunAsync(target, input, registry, check, cancellationToken), cancellationToken)
                    .WaitAsync(options.TimeoutPerInput, cancellationToken);
            }
            catch (TimeoutException)
            {
                findings.Add(Save(options, target, "hang", $"no answer within {options.TimeoutPerInput.TotalSeconds} s", input));
                break;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                executions--;
                break;
            }
            catch (Exception e)
            {
                var frame = new StackTrace(e).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("CitySort", StringComparison.Ordinal) == true);
                var message = new string(e.Message.Where(ch => !char.IsDigit(ch)).Take(100).ToArray());
                var kind = e.GetType().FullName + " at " + frame?.GetMethod()?.DeclaringType?.FullName + "." + frame?.GetMethod()?.Name + ": " + message;
                if (crashKinds.Add(kind))
                {
                    findings.Add(Save(options, target, "crash", kind + Environment.NewLine + e, input));
                }

                continue;
            }

            if (verdict.Accepted)
            {
                accepted++;
            }
            else
            {
                refused++;
            }

            if (verdict.PartialWrite is not null)
            {
                findings.Add(Save(options, target, "partial-write", verdict.PartialWrite, input));
            }

            if (signatures.Add(verdict.Signature) && pool.Count < MaxPool && input.Length <= MaxPooledBytes)
            {
                pool.Add(input);
            }

            if (options.Progress is not null && clock.Elapsed >= nextProgress)
            {
                nextProgress += TimeSpan.FromSeconds(30);
                await options.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Name}: {executions} executions in {clock.Elapsed.TotalMinutes:F1} min, {signatures.Count} kinds of answer, pool {pool.Count}, {findings.Count} findings"));
            }
        }

        return new FuzzRunResult(target.Name, executions, accepted, refused, checks, signatures.Count, clock.Elapsed, findings);
    }

    private static FuzzFinding Save(FuzzOptions options, FuzzTarget target, string kind, string detail, byte[] input)
    {
        string? path = null;
        if (options.FindingsFolder is not null)
        {
            var folder = Path.Combine(options.FindingsFolder, target.Name);
            Directory.CreateDirectory(folder);
            path = Path.Combine(folder, $"{kind}-{Convert.ToHexString(SHA256.HashData(input))[..12].ToLowerInvariant()}.bin");
            File.WriteAllBytes(path, input);
            File.WriteAllText(Path.ChangeExtension(path, ".txt"), detail);
        }

        return new FuzzFinding(target.Name, kind, detail, input, path);
    }
}
