using CitySort.Registry;

namespace CitySort.Imports;

/// <summary>A reason for refusing input, in Chinese and English, before it is placed in a file (see <see cref="ImportProblem"/>).</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
internal readonly record struct Why(string Zh, string En)
{
    /// <summary>No reason (a parser that succeeded).</summary>
    public static Why None => new(string.Empty, string.Empty);

    /// <summary>A registry invariant's reason, in the two languages the registry's validator words it in.</summary>
    /// <param name="problem">The validator's problem.</param>
    /// <returns>The reason in both languages.</returns>
    public static Why Of(RegistryProblem problem) => new(problem.ReasonZh, problem.Reason);

    /// <summary>A problem at <paramref name="line"/> and <paramref name="column"/> of <paramref name="file"/>.</summary>
    public ImportProblem At(string file, int line, int column, string? field) => new(file, line, column, field, En, Zh);
}
