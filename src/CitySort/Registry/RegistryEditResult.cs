namespace CitySort.Registry;

/// <summary>The answer to one edit of the registry.</summary>
/// <param name="Outcome">What became of it.</param>
/// <param name="Key">The record's natural key (site, facility or line code; plate).</param>
/// <param name="Version">The record's version after the edit (or its current version on a conflict); null when there is no record.</param>
/// <param name="RetiredAt">When the record was retired (UTC), or null while in service.</param>
/// <param name="Problems">Why it was refused, with JSON paths; empty on success.</param>
public sealed record RegistryEditResult(RegistryEditOutcome Outcome, string Key, int? Version, DateTimeOffset? RetiredAt, IReadOnlyList<RegistryEditProblem> Problems)
{
    /// <summary>True when the edit was written.</summary>
    public bool Succeeded => Outcome is RegistryEditOutcome.Created or RegistryEditOutcome.Saved or RegistryEditOutcome.Retired;
}
