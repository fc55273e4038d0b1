namespace CitySort.Exports;

/// <summary>
/// Keeps exported text from becoming a formula (OWASP "CSV injection"): a text cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe, which Excel, LibreOffice and WPS show as
/// text. Numbers are written as numbers and are never changed.
/// </summary>
public static class ExportCell
{
    /// <summary>The characters that make a spreadsheet read a text cell as a formula.</summary>
    public static IReadOnlyList<char> FormulaStarts { get; } = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text as it is safe to write: with a leading <c>'</c> when it begins with one of <see cref="FormulaStarts"/>.</summary>
    /// <param name="text">Any text, or null.</param>
    /// <returns>The neutralised text (empty for null).</returns>
    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
