namespace CitySort.Routing.Formats;

/// <summary>
/// Opens a benchmark instance by its extension (.vrp: <see cref="CvrplibReader"/>; <c>…_stop.txt</c>:
/// <see cref="WasteCollectionReader"/>; any other .txt: <see cref="SolomonReader"/>) and finds the best-known solution
/// (.sol with the same name) beside it.
/// </summary>
public static class InstanceFile
{
    /// <summary>The extensions recognised as instances, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".vrp", ".txt"];

    /// <summary>True when <paramref name="path"/> has an instance extension (any case).</summary>
    /// <param name="path">A file path.</param>
    /// <returns>Whether <see cref="Read"/> can open it.</returns>
    public static bool IsInstance(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Reads an instance, choosing the reader by extension.</summary>
    /// <param name="path">A .vrp or .txt file.</param>
    /// <returns>The problem, or every error as "file:line: reason" (an unknown extension is one error).</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FormatResult<Problem> Read(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".vrp" => CvrplibReader.Read(path),
            ".txt" when WasteCollectionReader.IsWasteCollectionFile(path) => WasteCollectionReader.Read(path),
            ".txt" => SolomonReader.Read(path),
            _ => FormatResult<Problem>.Failure([new FormatError(path, 0, "is neither a CVRPLIB .vrp nor a Solomon .txt file")]),
        };

    /// <summary>The .sol file with the same name beside <paramref name="instancePath"/>, or null when there is none.</summary>
    /// <param name="instancePath">The instance file.</param>
    /// <returns>The path of an existing .sol file, or null.</returns>
    public static string? SolutionBeside(string instancePath)
    {
        var candidate = Path.ChangeExtension(instancePath, ".sol");
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>
    /// The best-known cost from the .sol beside the instance: its "Cost" line when the routes it lists pass the checker
    /// at that cost, otherwise null (no file, unreadable, or not confirmed).
    /// </summary>
    /// <param name="instancePath">The instance file.</param>
    /// <param name="problem">The problem read from it.</param>
    /// <returns>The confirmed BKS in stored units, or null; <paramref name="reason"/> says why when null and a file exists.</returns>
    /// <param name="reason">Why the BKS could not be used, or null.</param>
    public static Distance? BestKnownCost(string instancePath, Problem problem, out string? reason)
    {
        reason = null;
        if (SolutionBeside(instancePath) is not { } solPath)
        {
            return null;
        }

        var read = SolutionFileReader.Read(solPath, problem);
        if (read.Value is not { } file)
        {
            reason = read.Errors[0].ToString();
            return null;
        }

        var check = SolutionChecker.Check(problem, file.Solution);
        if (!check.IsFeasible)
        {
            reason = $"{solPath}: the best-known solution is infeasible: {check.FirstViolation}";
            return null;
        }

        if (file.StatedCost is { } stated && stated != check.Cost)
        {
            reason = $"{solPath}: the stated cost {problem.FormatCost(stated)} differs from the recomputed {problem.FormatCost(check.Cost)}";
            return null;
        }

        return check.Cost;
    }
}
