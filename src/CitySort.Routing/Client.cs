namespace CitySort.Routing;

/// <summary>
/// A client (customer, collection site) that one vehicle visits exactly once: it adds <see cref="Demand"/> to the
/// vehicle's load on the current trip and takes <see cref="ServiceDuration"/> once service has begun.
/// </summary>
public sealed record Client
{
    /// <summary>A name for messages and display, e.g. the benchmark node number or the site code.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The x coordinate (benchmark units, or projected metres); for display and neighbourhoods only, not for cost.</summary>
    public double X { get; init; }

    /// <summary>The y coordinate (benchmark units, or projected metres); for display and neighbourhoods only, not for cost.</summary>
    public double Y { get; init; }

    /// <summary>The load the client adds to the trip that serves it; zero or more.</summary>
    public Load Demand { get; init; }

    /// <summary>How long service takes once it has begun; zero or more.</summary>
    public Duration ServiceDuration { get; init; }

    /// <summary>
    /// When service may begin. <see langword="null"/> means "any time": the built <see cref="Problem"/> replaces it by
    /// [0, latest return of the horizon], so every client in a <see cref="Problem"/> has a window.
    /// </summary>
    public TimeWindow? TimeWindow { get; init; }
}
