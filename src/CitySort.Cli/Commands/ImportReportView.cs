using CitySort.Imports;
using Spectre.Console;

namespace CitySort.Cli.Commands;

/// <summary>Prints an <see cref="ImportReport"/>: a summary table, then each problem as <c>file:line:column: reason</c>.</summary>
internal static class ImportReportView
{
    /// <summary>Writes the report to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, ImportReport report)
    {
        var table = new Table().AddColumn("file").AddColumn("kind").AddColumn(new TableColumn("rows read").RightAligned())
            .AddColumn(new TableColumn("inserted").RightAligned()).AddColumn(new TableColumn("updated").RightAligned())
            .AddColumn(new TableColumn("unchanged").RightAligned()).AddColumn("result");
        table.AddRow(
            Markup.Escape(report.File),
            report.Kind.ToString().ToLowerInvariant(),
            report.RowsRead.ToString(),
            report.Inserted.ToString(),
            report.Updated.ToString(),
            report.Unchanged.ToString(),
            report.Succeeded ? "[green]imported[/]" : $"[red]rejected: {report.Problems.Count} problem(s), nothing written[/]");
        console.Write(table);
        foreach (var problem in report.Problems)
        {
            console.MarkupLine("[red]" + Markup.Escape(problem.ToString()) + "[/]");
        }
    }
}
