namespace CitySort.Demo;

/// <summary>The outcome of <see cref="DemoRegistry.RemoveAsync"/>.</summary>
/// <param name="Removed">What was removed (all zero when nothing was, or when <see cref="Blockers"/> is not empty).</param>
/// <param name="Adopted">
/// Demo districts and streets kept as real because real records lie in them: the demo's short list of streets carries
/// real codes and names (NBS statistical codes), so a real site placed in one keeps its street.
/// </param>
/// <param name="Blockers">
/// Real records that refer to illustrative ones that cannot be kept (a real vehicle of a demo hauler, a real line to a
/// demo facility or through a demo site), each said in words; when any, nothing was removed.
/// </param>
public sealed record DemoRemoval(DemoStatus Removed, int Adopted, IReadOnlyList<string> Blockers)
{
    /// <summary>True when the illustrative records are gone.</summary>
    public bool Succeeded => Blockers.Count == 0;
}
