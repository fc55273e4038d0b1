namespace CitySort.Policy;

/// <summary>
/// One problem found while loading a profile: where it is and why, in words a clerk understands.
/// </summary>
/// <param name="Source">The file name or source name given to the loader (e.g. <c>wenzhou-2015.json</c>).</param>
/// <param name="JsonPath">Where in the document, as a JSON path such as <c>$.siteTypes[0].bins[2].category</c>; <c>$</c> for the whole document.</param>
/// <param name="Line">1-based line of the place in the file, when known.</param>
/// <param name="Column">1-based column (in characters) of the place in the file, when known.</param>
/// <param name="Reason">What is wrong and, where it helps, what is expected.</param>
public sealed record ProfileError(string Source, string JsonPath, int? Line, int? Column, string Reason)
{
    /// <summary>The error as one line: <c>file:line:column: path: reason</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Line is { } l ? $"{Source}:{l}:{Column ?? 1}: {JsonPath}: {Reason}" : $"{Source}: {JsonPath}: {Reason}";
}
