namespace CitySort.Routing.Formats;

/// <summary>One problem found in an input file: where it is and why, in words.</summary>
/// <param name="File">The file name as given to the reader (a path or a display name).</param>
/// <param name="Line">The 1-based line number, or 0 when the problem concerns the whole file (e.g. a missing section).</param>
/// <param name="Reason">What is wrong, e.g. "expected 3 numbers (node, x, y) but found 2".</param>
public sealed record FormatError(string File, int Line, string Reason)
{
    /// <summary>The error as "file:line: reason" (or "file: reason" for the whole file).</summary>
    /// <returns>One line for a console or log.</returns>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}
