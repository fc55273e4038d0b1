namespace CitySort.Exports;

/// <summary>
/// One table ready to write as CSV or as an Excel sheet: a name (the sheet name), the column names and the rows. A
/// cell is a string, a whole number (<see cref="long"/>), a <see cref="decimal"/> or <see cref="double"/>, a
/// <see cref="bool"/>, or null (empty).
/// </summary>
/// <param name="Name">The table's name, such as <c>sites</c> (at most 31 characters, the Excel sheet-name limit).</param>
/// <param name="Columns">The column names, in order.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
