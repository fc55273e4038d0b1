using CsvHelper;

namespace CitySort.Imports;

/// <summary>
/// A CSV file read whole with CsvHelper: header columns by name (trimmed, case-insensitive), data rows with their
/// line numbers. Tolerates a UTF-8 BOM, CRLF or LF, quoted fields, blank lines and extra columns; reports a missing
/// required column by name.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string file, Dictionary<string, int> columns, List<CsvRow> rows)
    {
        File = file;
        this.columns = columns;
        Rows = rows;
    }

    /// <summary>The file name used in problems.</summary>
    public string File { get; }

    /// <summary>The data rows in file order.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>True when the header has <paramref name="column"/>.</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>Reads the whole stream; problems (unreadable quoting, missing columns) go to <paramref name="problems"/>.</summary>
    /// <returns>The table, or <c>null</c> when the header is unusable.</returns>
    public static async Task<CsvTable?> ReadAsync(
        Stream stream, string file, IReadOnlyList<string> requiredColumns, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => problems.Add(new ImportProblem(
                file, (int)record.LineNumber, 0, null, "the line has a stray quote (\") inside a field; quote the whole field and double the quotes inside it")),
        };
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var (line, column) = FirstInvalidUtf8(bytes);
            problems.Add(new ImportProblem(file, line, column, null,
                "the file is not UTF-8 text (it may have been saved as GBK/ANSI): save it as \"CSV UTF-8\" and import it again"));
            return null;
        }

        await using var csv = CsvReader.Create(bytes, options);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new ImportProblem(file, 1, 0, null, "the file is empty: a header line is needed (" + string.Join(",", requiredColumns) + ")"));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(file, 1, i + 1, name, $"the header names column '{name}' twice (columns {columns[name] + 1} and {i + 1})"));
            }
        }

        var found = string.Join(", ", header.Select(h => h.Trim()));
        var missing = false;
        foreach (var required in requiredColumns)
        {
            if (!columns.ContainsKey(required))
            {
                problems.Add(new ImportProblem(file, 1, 0, required, $"the header has no column '{required}' (columns found: {found})"));
                missing = true;
            }
        }

        if (missing)
        {
            return null;
        }

        var rows = new List<CsvRow>();
        while (await csv.ReadAsync(cancellationToken))
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i) ?? string.Empty;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new CsvRow((int)csv.LineNumber, fields));
        }

        return new CsvTable(file, columns, rows);
    }

    /// <summary>Line and character column (both from 1) of the first byte that is not valid UTF-8.</summary>
    private static (int Line, int Column) FirstInvalidUtf8(byte[] bytes)
    {
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return (line, System.Text.Encoding.UTF8.GetCharCount(bytes, lineStart, i - lineStart) + 1);
            }

            if (rune.Value == '\n')
            {
                line++;
                lineStart = i + 1;
            }

            i += consumed;
        }

        return (line, 1);
    }

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="row"/> (empty when the row is short or the column absent).</summary>
    public string Get(CsvRow row, string column) =>
        columns.TryGetValue(column, out var i) && i < row.Fields.Length ? row.Fields[i].Trim() : string.Empty;

    /// <summary>The 1-based field number of <paramref name="column"/>, or 0 when absent.</summary>
    public int ColumnNumber(string column) => columns.TryGetValue(column, out var i) ? i + 1 : 0;

    /// <summary>A problem at <paramref name="row"/>, in <paramref name="column"/>.</summary>
    public ImportProblem Problem(CsvRow row, string column, string reason) =>
        new(File, row.Line, ColumnNumber(column), column, reason);
}
