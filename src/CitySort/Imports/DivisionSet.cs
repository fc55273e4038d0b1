namespace CitySort.Imports;

/// <summary>
/// The records of one file by natural key, in first-seen order, remembering the line each key was first seen on so
/// that a contradiction (a key twice with different names) or a duplicate row is reported with both lines.
/// </summary>
internal sealed class DivisionSet<T>
{
    private readonly Dictionary<string, (T Value, int Line)> byCode = new(StringComparer.Ordinal);
    private readonly List<T> order = [];

    public IReadOnlyList<T> Values => order;

    /// <summary>Adds a parent record that many rows repeat; the rows must agree on its name.</summary>
    public void Add(CsvTable table, CsvRow row, string code, T value, Func<T, string> name, string nameColumn, List<ImportProblem> problems)
    {
        if (byCode.TryGetValue(code, out var first))
        {
            if (name(first.Value) != name(value))
            {
                problems.Add(table.Problem(row, nameColumn, new Why(
                    $"编码 {code} 在此名为“{name(value)}”，在第 {first.Line} 行却名为“{name(first.Value)}”",
                    $"code {code} is named '{name(value)}' here but '{name(first.Value)}' on line {first.Line}")));
            }

            return;
        }

        byCode.Add(code, (value, row.Line));
        order.Add(value);
    }

    /// <summary>Adds a record that must occur once in the file.</summary>
    public void AddUnique(CsvTable table, CsvRow row, string code, T value, string codeColumn, List<ImportProblem> problems)
    {
        if (byCode.TryGetValue(code, out var first))
        {
            problems.Add(table.Problem(row, codeColumn, new Why($"编码 {code} 已在第 {first.Line} 行出现", $"code {code} already appears on line {first.Line}")));
            return;
        }

        byCode.Add(code, (value, row.Line));
        order.Add(value);
    }
}
