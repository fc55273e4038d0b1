namespace CitySort.Registry;

/// <summary>
/// A registry record that an office edits and retires through the API (sites, vehicles, facilities, dedicated lines):
/// it carries its retirement instant and its version for optimistic concurrency (docs/registry.md).
/// </summary>
public interface IRetirableRecord
{
    /// <summary>When the record was retired (UTC), or <c>null</c> while it is in service.</summary>
    DateTimeOffset? RetiredAt { get; set; }

    /// <summary>The record's version, raised by one on every saved change.</summary>
    int Version { get; set; }
}
