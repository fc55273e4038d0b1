namespace CitySort.Routing;

/// <summary>
/// A break a vehicle must take during its shift (a meal break): it lasts <see cref="Duration"/> and must start within
/// <see cref="StartWindow"/>. It is taken between two visits, after service at one stop and before service at the
/// next (the depot's departure and return count as stops); it may interrupt the drive or the wait there and adds no
/// travel of its own. A vehicle back at its depot no later than <see cref="TimeWindow.Latest"/> of the start window
/// needs none. Times in the problem's duration units (seconds in production).
/// Source: the lunch rule of Kim, Kim &amp; Sahoo (2006), "Waste collection vehicle routing problem with time windows".
/// </summary>
public sealed record VehicleBreak
{
    /// <summary>How long the break lasts; zero or more.</summary>
    public Duration Duration { get; init; }

    /// <summary>When the break may start (both ends inclusive), counted from the start of the horizon.</summary>
    public TimeWindow StartWindow { get; init; }

    /// <summary>The break as "duration D starting in [a, b]".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => "duration " + Duration + " starting in " + StartWindow;
}
