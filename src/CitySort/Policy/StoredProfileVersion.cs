namespace CitySort.Policy;

/// <summary>
/// A policy profile that was once in force, kept for good (table <c>ProfileVersions</c>): computed results name the
/// profile id and version they used, and this row holds that version's file so the figures can be checked against
/// it later. Natural key: the SHA-256 of the file, so an edited file is a version of its own even if its version text
/// was not raised.
/// </summary>
public sealed class StoredProfileVersion
{
    /// <summary>The SHA-256 of <see cref="SourceJson"/> in lower-case hex (of <c>id@version</c> when the source is unknown).</summary>
    public required string Sha256 { get; set; }

    /// <summary>The profile's id, e.g. <c>wenzhou-2015</c>.</summary>
    public required string ProfileId { get; set; }

    /// <summary>The profile's version text.</summary>
    public required string Version { get; set; }

    /// <summary>The profile file (format <c>citysort-profile/1</c>), or null when the profile was given in code.</summary>
    public string? SourceJson { get; set; }

    /// <summary>When this version was first put in force (UTC).</summary>
    public DateTimeOffset FirstActiveAt { get; set; }
}
