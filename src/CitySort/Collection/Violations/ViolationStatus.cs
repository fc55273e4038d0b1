namespace CitySort.Collection.Violations;

/// <summary>Where a violation stands in its review (the numeric values are stored).</summary>
public enum ViolationStatus
{
    /// <summary>Found and not yet reviewed; re-evaluation may update it or, when its evidence no longer shows it, remove it.</summary>
    Open = 1,

    /// <summary>A reviewer confirmed it; re-evaluation never changes its status.</summary>
    Confirmed = 2,

    /// <summary>A reviewer dismissed it with a reason; re-evaluation never changes its status.</summary>
    Dismissed = 3,
}
