namespace CitySort.Collection.Simulation;

/// <summary>What a played day did.</summary>
/// <param name="Published">Messages published (acknowledged or not).</param>
/// <param name="Failed">Publishes answered with a failure code (the server rejected the event) or that failed.</param>
/// <param name="Stop">Why it ended.</param>
/// <param name="Elapsed">Real time taken.</param>
public sealed record SimulationRun(int Published, int Failed, SimulationStop Stop, TimeSpan Elapsed);
