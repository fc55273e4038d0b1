namespace CitySort.Cli.Tests;

/// <summary>What one run of the executable gave.</summary>
/// <param name="ExitCode">0 success, 1 invalid input, 2 usage error (STYLE.md).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliResult(int ExitCode, string Output, string Error);
