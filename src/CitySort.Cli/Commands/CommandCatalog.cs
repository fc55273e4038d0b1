using System.CommandLine;

namespace CitySort.Cli.Commands;

/// <summary>The top-level commands of <c>citysort</c>, one line per command; each command lives in its own file.</summary>
internal static class CommandCatalog
{
    /// <summary>Creates every top-level command.</summary>
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return ServeCommand.Create();
        yield return ImportCommand.Create();
        yield return MigrateCommand.Create();
        yield return SolveCommand.Create();
        yield return BenchCommand.Create();
        yield return PlanCommand.Create();
        yield return RebuildCommand.Create();
        yield return DevicesCommand.Create();
        yield return UsersCommand.Create();
        yield return DemoCommand.Create();
        yield return ExportCommand.Create();
        yield return BackupCommand.CreateBackup();
        yield return BackupCommand.CreateRestore();
        yield return SimulateCommand.Create();
    }
}
