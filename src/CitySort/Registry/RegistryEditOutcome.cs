namespace CitySort.Registry;

/// <summary>What became of an edit of the registry (<see cref="RegistryEditService"/>).</summary>
public enum RegistryEditOutcome
{
    /// <summary>The record was added.</summary>
    Created = 1,

    /// <summary>The record was changed (or was already as asked).</summary>
    Saved = 2,

    /// <summary>The record was retired.</summary>
    Retired = 3,

    /// <summary>The record did not pass the checks of the imports; nothing was written (see the problems).</summary>
    Invalid = 4,

    /// <summary>No record has the key.</summary>
    NotFound = 5,

    /// <summary>A record with the key exists already (adding), or the record is retired (changing, retiring).</summary>
    Exists = 6,

    /// <summary>The record changed since the version the edit was made from; nothing was written.</summary>
    Conflict = 7,
}
