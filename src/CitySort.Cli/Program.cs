using System.CommandLine;
using CitySort.Cli;
using CitySort.Cli.Commands;
using Spectre.Console;

// Tables follow the terminal's real width (or are left unwrapped in a file or pipe), not Spectre's 80-column default.
AnsiConsole.Console.Profile.Width = TerminalWidth.OfThisConsole();

var root = new RootCommand("citysort: the city-level household-waste sorting information system (W96-A6).");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Usage errors exit 2 (STYLE.md): the reasons first, then the help of the command that was meant.
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    return 2;
}

return await parsed.InvokeAsync();
