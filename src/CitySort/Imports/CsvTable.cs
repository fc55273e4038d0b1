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
            OnMalformedRecord = record => problems.Add(new Why(
                "该行某字段中有多余的引号（\"）：请用引号括起整个字段，并把其中的引号写两遍",
                "the line has a stray quote (\") inside a field; quote the whole field and double the quotes inside it").At(file, (int)record.LineNumber, 0, null)),
        };
        if (await ImportLimits.ReadAsync(stream, file, problems, cancellationToken) is not { } bytes)
        {
            return null;
        }

        if (Utf8Text.FirstInvalidByte(bytes) is { } bad)
        {
            var (line, column) = Policy.JsonPositionMap.LinesOnly(bytes).PositionOf(bad);
            problems.Add(new Why(
                "文件不是 UTF-8 文本（可能存成了 GBK/ANSI）：请另存为“CSV UTF-8”后重新导入",
                "the file is not UTF-8 text (it may have been saved as GBK/ANSI): save it as \"CSV UTF-8\" and import it again").At(file, line, column, null));
            return null;
        }

        await using var csv = CsvReader.Create(bytes, options);
        await csv.ReadHeaderAsync(cancellationToken);
        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            var needed = string.Join(",", requiredColumns);
            problems.Add(new Why($"文件是空的：需要表头行（{needed}）", $"the file is empty: a header line is needed ({needed})").At(file, 1, 0, null));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                problems.Add(new Why(
                    $"表头两次出现列“{name}”（第 {columns[name] + 1} 列和第 {i + 1} 列）",
                    $"the header names column '{name}' twice (columns {columns[name] + 1} and {i + 1})").At(file, 1, i + 1, name));
            }
        }

        var found = string.Join(", ", header.Select(h => h.Trim()));
        var missing = false;
        foreach (var required in requiredColumns)
        {
            if (!columns.ContainsKey(required))
            {
                problems.Add(new Why(
                    $"表头缺少列“{required}”（现有列：{found}）",
                    $"the header has no column '{required}' (columns found: {found})").At(file, 1, 0, required));
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

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="row"/> (empty when the row is short or the column absent).</summary>
    public string Get(CsvRow row, string column) =>
        columns.TryGetValue(column, out var i) && i < row.Fields.Length ? row.Fields[i].Trim() : string.Empty;

    /// <summary>The 1-based field number of <paramref name="column"/>, or 0 when absent.</summary>
    public int ColumnNumber(string column) => columns.TryGetValue(column, out var i) ? i + 1 : 0;

    /// <summary>A problem at <paramref name="row"/>, in <paramref name="column"/>.</summary>
    public ImportProblem Problem(CsvRow row, string column, Why why) => why.At(File, row.Line, ColumnNumber(column), column);
}
