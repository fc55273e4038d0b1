using System.CommandLine;
using System.Reflection;

namespace CitySort.Cli.Commands;

/// <summary><c>citysort version</c>: prints the program version.</summary>
internal static class VersionCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("version", "Print the version of citysort.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine("citysort " + version);
            return 0;
        });
        return command;
    }
}
