namespace CitySort.Policy;

/// <summary>
/// The outcome of loading a profile: the profile when it is valid, otherwise every problem found (the loader does
/// not stop at the first).
/// </summary>
/// <param name="Profile">The profile, or null when any error was found.</param>
/// <param name="Errors">All problems, in document order; empty when valid.</param>
public sealed record ProfileLoadResult(PolicyProfile? Profile, IReadOnlyList<ProfileError> Errors)
{
    /// <summary>True when the profile loaded with no errors (then <see cref="Profile"/> is set).</summary>
    public bool IsValid => Profile is not null && Errors.Count == 0;
}
