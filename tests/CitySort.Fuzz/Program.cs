using System.Globalization;
using CitySort.Fuzz;

// citysort-fuzz TARGET|all [--executions N] [--minutes M] [--seed S] [--corpus DIR] [--findings DIR] [--timeout-seconds T]
// citysort-fuzz TARGET --replay FILE   runs one saved input and prints what the parser made of it.
// Exit 0: no finding; 1: findings (saved under --findings); 2: usage.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: CitySort.Fuzz TARGET|all [--executions N] [--minutes M] [--seed S] [--corpus DIR] [--findings DIR] [--timeout-seconds T]");
    Console.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
    return args.Length == 0 ? 2 : 0;
}

var names = args[0] == "all" ? FuzzTargets.All.Select(t => t.Name).ToList() : [args[0]];
if (names.Any(n => FuzzTargets.Find(n) is null))
{
    Console.Error.WriteLine($"unknown target '{args[0]}'; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}, all");
    return 2;
}

var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"expected --option VALUE at '{args[i]}'");
        return 2;
    }

    values[args[i][2..]] = args[++i];
}

string[] known = ["replay", "executions", "minutes", "seed", "corpus", "findings", "timeout-seconds"];
if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
{
    Console.Error.WriteLine($"unknown option --{unknown}");
    return 2;
}

var root = FindRoot(Directory.GetCurrentDirectory());
var options = new FuzzOptions
{
    CorpusFolder = values.GetValueOrDefault("corpus") ?? Path.Combine(root ?? ".", "tests", "fuzz", "corpus"),
    FindingsFolder = values.GetValueOrDefault("findings") ?? Path.Combine(Path.GetTempPath(), "citysort-fuzz-findings"),
    Seed = int.Parse(values.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture),
    MaxExecutions = long.Parse(values.GetValueOrDefault("executions") ?? "1000000", CultureInfo.InvariantCulture),
    MaxDuration = TimeSpan.FromMinutes(double.Parse(values.GetValueOrDefault("minutes") ?? "10", CultureInfo.InvariantCulture)),
    TimeoutPerInput = TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("timeout-seconds") ?? "10", CultureInfo.InvariantCulture)),
    Progress = Console.Error,
};

if (values.GetValueOrDefault("replay") is { } replay)
{
    var target = FuzzTargets.Find(names[0])!;
    await using var registry = target.UsesDatabase ? await FuzzRegistry.CreateAsync(options.CorpusFolder, CancellationToken.None) : null;
    var verdict = await FuzzTargets.RunAsync(target, await File.ReadAllBytesAsync(replay), registry, checkDatabase: true, CancellationToken.None);
    Console.WriteLine(verdict);
    return verdict.PartialWrite is null ? 0 : 1;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var found = 0;
Console.WriteLine("| target | executions | minutes | executions/s | accepted | refused | database checks | kinds of answer | findings |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var name in names)
{
    var result = await FuzzRunner.RunAsync(FuzzTargets.Find(name)!, options, stop.Token);
    found += result.Findings.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {result.Target} | {result.Executions} | {result.Elapsed.TotalMinutes:F1} | {result.Executions / Math.Max(result.Elapsed.TotalSeconds, 0.001):F0} | {result.Accepted} | {result.Refused} | {result.DatabaseChecks} | {result.Signatures} | {result.Findings.Count} |"));
    foreach (var finding in result.Findings)
    {
        Console.Error.WriteLine($"{finding.Target}: {finding.Kind} saved as {finding.SavedAs}: {finding.Detail.Split('\n')[0]}");
    }
}

return found == 0 ? 0 : 1;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CitySort.slnx")))
        {
            return dir.FullName;
        }
    }

    return null;
}
