namespace CitySort.Routing;

/// <summary>
/// An unloading facility (transfer station, treatment plant) where a vehicle empties its load at the end of a trip
/// before starting the next trip or returning to its depot. Which vehicle types may unload here is stated by
/// <see cref="VehicleType.UnloadingFacilities"/>.
/// </summary>
public sealed record Facility
{
    /// <summary>A name for messages and display.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The x coordinate; for display and neighbourhoods only.</summary>
    public double X { get; init; }

    /// <summary>The y coordinate; for display and neighbourhoods only.</summary>
    public double Y { get; init; }

    /// <summary>How long unloading takes (weighing and tipping); zero or more.</summary>
    public Duration ServiceDuration { get; init; }

    /// <summary>When unloading may begin (opening hours). Default: unbounded.</summary>
    public TimeWindow TimeWindow { get; init; } = TimeWindow.Unbounded;
}
