namespace CitySort.Collection.Simulation;

/// <summary>Why a played day ended.</summary>
public enum SimulationStop
{
    /// <summary>Every message of the day was published.</summary>
    Finished = 1,

    /// <summary>The event limit (<c>--max-events</c>) was reached.</summary>
    MaxEvents = 2,

    /// <summary>The time limit (<c>--max-minutes</c>) was reached.</summary>
    MaxDuration = 3,

    /// <summary>Stopped by the user (Ctrl+C).</summary>
    Cancelled = 4,
}
