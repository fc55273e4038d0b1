using CitySort.Imports;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>Prints an <see cref="ImportReport"/>: a summary table, then each problem as <c>file:line:column: reason</c>.</summary>
internal static class ImportReportView
{
    /// <summary>Writes the summary table to <paramref name="console"/> and each problem, unwrapped, to <paramref name="problems"/>.</summary>
    public static void Render(IAnsiConsole console, TextWriter problems, ImportReport report)
    {
        var table = new Table().AddColumn("file").AddColumn("kind").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("inserted").RightAligned()).AddColumn(new TableColumn("updated").RightAligned())
            .AddColumn(new TableColumn("unchanged").RightAligned()).AddColumn("result");
        table.AddRow(
            Markup.Escape(report.File),
            report.Kind.ToString().ToLowerInvariant(),
            report.RowsRead.ToString(),
            report.Inserted.ToString(),
            report.Updated.ToString(),
            report.Unchanged.ToString(),
            report.Succeeded ? "[green]imported[/]" : "[red]rejected[/]");
        console.Write(table);
        if (!report.Succeeded)
        {
            console.MarkupLine($"[red]Nothing was written: fix the {report.Problems.Count} problem(s) below and import the file again.[/]");
        }

        foreach (var problem in report.Problems)
        {
            // One problem per line, never wrapped, so that file:line:column stays greppable.
            problems.WriteLine(problem.ToString());
        }
    }
}
