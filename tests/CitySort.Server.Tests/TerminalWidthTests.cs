using System.Diagnostics;
using CitySort.Cli;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// The command line lays its tables out to the terminal's real width (issue 10, defect 13), not Spectre.Console's
/// 80-column default: <c>COLUMNS</c> when set, the window's width on a terminal, and unwrapped in a file or pipe.
/// </summary>
public sealed class TerminalWidthTests
{
    [Fact]
    public void A_terminal_is_laid_out_to_its_window_width()
    {
        Assert.Equal(173, TerminalWidth.Resolve(null, outputRedirected: false, () => 173));
    }

    [Fact]
    public void COLUMNS_is_an_explicit_choice_that_wins_over_the_window()
    {
        Assert.Equal(120, TerminalWidth.Resolve("120", outputRedirected: false, () => 173));
        Assert.Equal(120, TerminalWidth.Resolve("120", outputRedirected: true, () => throw new InvalidOperationException("not asked")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("wide")]
    public void Output_to_a_file_or_pipe_is_not_wrapped_when_COLUMNS_says_nothing_usable(string? columns)
    {
        Assert.Equal(TerminalWidth.Unbounded, TerminalWidth.Resolve(columns, outputRedirected: true, () => throw new InvalidOperationException("not asked")));
    }

    [Fact]
    public void A_terminal_that_cannot_say_its_width_is_not_cut_to_80_columns()
    {
        Assert.Equal(TerminalWidth.Unbounded, TerminalWidth.Resolve(null, outputRedirected: false, () => 0));
        Assert.Equal(TerminalWidth.Unbounded, TerminalWidth.Resolve(null, outputRedirected: false, () => throw new IOException("no console")));
    }

    [Fact]
    public async Task An_import_report_into_a_pipe_keeps_a_long_file_name_on_one_line()
    {
        var shared = Requires.SharedData();
        var folder = Directory.CreateTempSubdirectory("citysort-width-");
        try
        {
            // A file name of 100 characters: in an 80-column table its cell would be cut onto several lines.
            var name = new string('w', 96) + ".csv";
            var file = Path.Combine(folder.FullName, name);
            File.Copy(Path.Combine(shared, "divisions", "wenzhou_streets.csv"), file);
            var db = Path.Combine(folder.FullName, "citysort.db");

            Assert.Equal(0, (await RunCliAsync("migrate", "--db", db)).ExitCode);
            var (exitCode, output) = await RunCliAsync("import", "divisions", file, "--db", db);

            Assert.Equal(0, exitCode);
            Assert.Contains(output.Split('\n'), line => line.Contains(name, StringComparison.Ordinal) && line.Contains("imported", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CitySort.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }
}
