namespace CitySort.Collection.Simulation;

/// <summary>What day to simulate and how (<c>citysort simulate</c>, docs/simulator.md).</summary>
public sealed record SimulationOptions
{
    /// <summary>The business day to play (Asia/Shanghai).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The seed of the noise (estimates, fault choice); the same seed gives the same day. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Whether to inject the faults of <see cref="SimulationFault"/>. Default false: a clean day.</summary>
    public bool InjectFaults { get; init; }

    /// <summary>Simulated seconds between two GPS fixes of a moving or waiting vehicle. Default 30.</summary>
    public int GpsIntervalSeconds { get; init; } = 30;

    /// <summary>How many of each fault kind to inject (when <see cref="InjectFaults"/>). Default 3.</summary>
    public int FaultsPerKind { get; init; } = 3;

    /// <summary>
    /// The start of a slice of the day to play (local time of the day's zone, inclusive), or null for the whole day:
    /// only messages published from then on are kept, and the faults are chosen among them.
    /// </summary>
    public TimeOnly? From { get; init; }

    /// <summary>The end of the slice (exclusive), or null for the end of the day.</summary>
    public TimeOnly? To { get; init; }
}
