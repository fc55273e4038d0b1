namespace CitySort.Collection;

/// <summary>What the intake did with one event (DESIGN.md, "Intake is the only door for events").</summary>
public enum IntakeOutcome
{
    /// <summary>Stored, with its rollups, in a committed transaction.</summary>
    Accepted = 1,

    /// <summary>The same device sent the same event id with the same content before: applied once, nothing changed.</summary>
    Duplicate = 2,

    /// <summary>
    /// The same device sent the same event id with different content: refused and stored as a rejection; the first
    /// event is never overwritten.
    /// </summary>
    Conflict = 3,

    /// <summary>Not valid (malformed, unknown vehicle/site/facility, impossible masses or times, not the device's to
    /// send): refused and stored as a rejection with its reason and raw payload.</summary>
    Rejected = 4,
}
