namespace CitySort.Collection.Simulation;

/// <summary>How far a played day has got (for the terminal's progress bar).</summary>
/// <param name="Published">Messages published so far.</param>
/// <param name="Total">Messages the run will publish at most (the day's, or the event limit).</param>
/// <param name="Failed">Publishes answered with a failure code (the server rejected the event) or that failed.</param>
/// <param name="SimulatedClock">The simulated time reached.</param>
/// <param name="Faults">Injected faults published so far.</param>
public sealed record SimulationProgress(int Published, int Total, int Failed, DateTimeOffset SimulatedClock, int Faults);
