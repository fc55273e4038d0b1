namespace CitySort.Imports;

/// <summary>One data row of a CSV file: its line number (from 1; the header is line 1) and its raw fields.</summary>
/// <param name="Line">The line number where the row ends (a quoted field may span lines).</param>
/// <param name="Fields">The fields as parsed.</param>
internal sealed record CsvRow(int Line, string[] Fields);
