namespace CitySort.Collection.Violations;

/// <summary>What happened to a confirm or dismiss request.</summary>
public enum ReviewOutcome
{
    /// <summary>The review was recorded.</summary>
    Recorded = 1,

    /// <summary>No violation has the id.</summary>
    NotFound = 2,

    /// <summary>The reviewer's name is missing, or a dismissal has no reason, or a text is too long.</summary>
    Invalid = 3,
}
