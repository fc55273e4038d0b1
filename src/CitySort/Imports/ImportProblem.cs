namespace CitySort.Imports;

/// <summary>
/// One reason a file was not imported, with where it is: the file, the line (from 1; the header is line 1 of a CSV),
/// the column (for CSV the field number from 1, for JSON the character in the line from 1; 0 when the problem is
/// the whole line or file), the field (CSV column name or JSON path) and the reason in words a clerk understands.
/// </summary>
/// <param name="File">The file name as given to the import.</param>
/// <param name="Line">Line number from 1 (0 when the file could not be read at all).</param>
/// <param name="Column">Column from 1, or 0 for the whole line.</param>
/// <param name="Field">The CSV column name or JSON path concerned, or <c>null</c>.</param>
/// <param name="Reason">Why the input was not accepted.</param>
public sealed record ImportProblem(string File, int Line, int Column, string? Field, string Reason)
{
    /// <summary>Formats the problem as <c>file:line:column: reason</c> (the field is named in the reason where it helps).</summary>
    public override string ToString() =>
        Field is null ? $"{File}:{Line}:{Column}: {Reason}" : $"{File}:{Line}:{Column}: {Field}: {Reason}";
}
