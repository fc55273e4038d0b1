namespace CitySort.Routing;

/// <summary>A depot where vehicles start and end their shift (one per vehicle type; several types may share one).</summary>
public sealed record Depot
{
    /// <summary>A name for messages and display.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The x coordinate; for display and neighbourhoods only.</summary>
    public double X { get; init; }

    /// <summary>The y coordinate; for display and neighbourhoods only.</summary>
    public double Y { get; init; }

    /// <summary>
    /// The shift: vehicles leave no earlier than <see cref="TimeWindow.Earliest"/> and are back no later than
    /// <see cref="TimeWindow.Latest"/> (the Solomon depot's READY TIME and DUE DATE). Default: unbounded.
    /// </summary>
    public TimeWindow TimeWindow { get; init; } = TimeWindow.Unbounded;
}
