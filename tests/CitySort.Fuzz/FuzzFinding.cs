namespace CitySort.Fuzz;

/// <summary>An input that made a parser fail: an exception other than its documented problems, a hang, or a refused import that wrote.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Kind"><c>crash</c>, <c>hang</c> or <c>partial-write</c>.</param>
/// <param name="Detail">The exception (type, message, stack) or what differed.</param>
/// <param name="Input">The input's bytes.</param>
/// <param name="SavedAs">The file the input was saved to, or null when no findings folder was given.</param>
public sealed record FuzzFinding(string Target, string Kind, string Detail, byte[] Input, string? SavedAs);
