namespace CitySort.Imports;

/// <summary>
/// One reason a file was not imported, with where it is: the file, the line (from 1; the header is line 1 of a CSV),
/// the column (for CSV the field number from 1, for JSON the character in the line from 1; 0 when the problem is
/// the whole line or file), the field (CSV column name or JSON path) and the reason in words a clerk understands,
/// in English and in Chinese (the dashboard's default language; <see cref="ReasonFor"/> picks one).
/// </summary>
/// <param name="File">The file name as given to the import.</param>
/// <param name="Line">Line number from 1 (0 when the file could not be read at all).</param>
/// <param name="Column">Column from 1, or 0 for the whole line.</param>
/// <param name="Field">The CSV column name or JSON path concerned, or <c>null</c>.</param>
/// <param name="Reason">Why the input was not accepted, in English.</param>
/// <param name="ReasonZh">The same in Chinese; <c>null</c> only from a reader that has no Chinese yet (then <see cref="Reason"/> is shown).</param>
public sealed record ImportProblem(string File, int Line, int Column, string? Field, string Reason, string? ReasonZh = null)
{
    /// <summary>The reason in Chinese when <paramref name="chinese"/> (falling back to English), else in English.</summary>
    /// <param name="chinese">True for the Chinese text.</param>
    /// <returns>The reason.</returns>
    public string ReasonFor(bool chinese) => chinese && ReasonZh is not null ? ReasonZh : Reason;

    /// <summary>Formats the problem as <c>file:line:column: field: 中文 / English</c> (the field only when known).</summary>
    public override string ToString()
    {
        var reason = ReasonZh is null ? Reason : ReasonZh + " / " + Reason;
        return Field is null ? $"{File}:{Line}:{Column}: {reason}" : $"{File}:{Line}:{Column}: {Field}: {reason}";
    }
}
