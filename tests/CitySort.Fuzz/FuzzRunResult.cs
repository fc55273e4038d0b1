namespace CitySort.Fuzz;

/// <summary>The outcome of one fuzzing run of one target.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Executions">Inputs run through the parser (seeds included).</param>
/// <param name="Accepted">Inputs the parser read (or the import wrote).</param>
/// <param name="Refused">Inputs the parser refused with its own documented problems.</param>
/// <param name="DatabaseChecks">Refused imports whose database was compared before and after.</param>
/// <param name="Signatures">Distinct kinds of answer seen.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="Findings">Crashes, hangs and partial writes found.</param>
public sealed record FuzzRunResult(
    string Target,
    long Executions,
    long Accepted,
    long Refused,
    long DatabaseChecks,
    int Signatures,
    TimeSpan Elapsed,
    IReadOnlyList<FuzzFinding> Findings);
