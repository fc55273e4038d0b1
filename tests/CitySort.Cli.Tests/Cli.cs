using System.Diagnostics;

namespace CitySort.Cli.Tests;

/// <summary>Runs the built <c>citysort</c> executable (<c>dotnet CitySort.Cli.dll</c>) in a working directory and captures what it says.</summary>
internal static class Cli
{
    /// <summary>Runs <c>citysort</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <returns>The exit code and the text written to standard output and standard error.</returns>
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>citysort</c> with <paramref name="arguments"/> and the extra <paramref name="environment"/> variables.</summary>
    /// <returns>The exit code and the text written to standard output and standard error.</returns>
    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunWithInputAsync(workingDirectory, null, environment, arguments);

    /// <summary>Runs <c>citysort</c> with <paramref name="arguments"/>, writing <paramref name="input"/> to its standard input (a password, as a pipe gives it).</summary>
    /// <returns>The exit code and the text written to standard output and standard error.</returns>
    public static Task<CliResult> RunWithInputAsync(string workingDirectory, string input, params string[] arguments) =>
        RunWithInputAsync(workingDirectory, input, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Runs <c>citysort</c> with <paramref name="arguments"/>, <paramref name="input"/> written to its standard input
    /// (then closed; null leaves standard input alone) and the extra <paramref name="environment"/> variables.
    /// </summary>
    /// <returns>The exit code and the text written to standard output and standard error.</returns>
    public static async Task<CliResult> RunWithInputAsync(string workingDirectory, string? input, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CitySort.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
