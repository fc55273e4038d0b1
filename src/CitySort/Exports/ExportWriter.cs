using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace CitySort.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV (CsvHelper) or as an Excel workbook (ClosedXML), with every text cell
/// neutralised by <see cref="ExportCell.Neutralise"/> so that no cell can become a formula.
/// </summary>
public static class ExportWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="format">CSV or Excel.</param>
    /// <param name="output">The destination, left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when everything is written.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="table"/> or <paramref name="output"/> is null.</exception>
    public static async Task WriteAsync(ExportTable table, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        if (format == ExportFormat.Xlsx)
        {
            // ClosedXML writes synchronously; the workbook is built in memory and copied out asynchronously.
            using var buffer = new MemoryStream();
            WriteXlsx(table, buffer);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            return;
        }

        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync(table.Columns.Select(ExportCell.Neutralise).ToArray(), cancellationToken);
        foreach (var row in table.Rows)
        {
            await csv.WriteRecordAsync(row.Select(Text).ToArray(), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The MIME type of <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <returns><c>text/csv; charset=utf-8</c> or the Office Open XML spreadsheet type.</returns>
    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    private static void WriteXlsx(ExportTable table, Stream output)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(table.Name);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            SetText(sheet.Cell(1, c + 1), table.Columns[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case long or int:
                        cell.SetValue(Convert.ToDouble(row[c], CultureInfo.InvariantCulture));
                        break;
                    case decimal d:
                        cell.SetValue((double)d);
                        break;
                    case double x:
                        cell.SetValue(x);
                        break;
                    case bool b:
                        cell.SetValue(b);
                        break;
                    default:
                        SetText(cell, Convert.ToString(row[c], CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        workbook.SaveAs(output);
    }

    /// <summary>Sets a text cell: neutralised, and typed as text so that nothing in it is read as a formula or a number.</summary>
    private static void SetText(IXLCell cell, string? text)
    {
        cell.SetValue(ExportCell.Neutralise(text));
        cell.DataType = XLDataType.Text;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        string s => ExportCell.Neutralise(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ExportCell.Neutralise(value.ToString()),
    };
}
