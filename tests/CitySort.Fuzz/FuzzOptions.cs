namespace CitySort.Fuzz;

/// <summary>How long and how one target is fuzzed.</summary>
public sealed record FuzzOptions
{
    /// <summary>The corpus folder holding one folder of seed files per target.</summary>
    public required string CorpusFolder { get; init; }

    /// <summary>Where each finding's input is saved (<c>TARGET/KIND-HASH.bin</c> with a <c>.txt</c> beside it); null saves nothing.</summary>
    public string? FindingsFolder { get; init; }

    /// <summary>The seed of the mutations; the same seed, corpus and options give the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many executions (seeds included).</summary>
    public long MaxExecutions { get; init; } = 1_000_000;

    /// <summary>Stop after this much time.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The time one input may take before it counts as a hang (the run then stops).</summary>
    public TimeSpan TimeoutPerInput { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>For the imports: compare the whole database before and after every this many inputs (when refused).</summary>
    public int DatabaseCheckEvery { get; init; } = 20;

    /// <summary>Where progress lines go every 30 seconds; null for none.</summary>
    public TextWriter? Progress { get; init; }
}
