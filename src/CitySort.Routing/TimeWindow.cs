namespace CitySort.Routing;

/// <summary>
/// When service may begin at a node: service starts no earlier than <see cref="Earliest"/> (a vehicle that
/// arrives sooner waits) and no later than <see cref="Latest"/>. For a depot it is the shift: departure no
/// earlier than <see cref="Earliest"/>, return no later than <see cref="Latest"/>.
/// Source: Solomon (1987) READY TIME / DUE DATE; the DIMACS 2021 VRPTW rules.
/// </summary>
/// <param name="Earliest">The earliest start of service, from the start of the horizon.</param>
/// <param name="Latest">The latest start of service (inclusive), from the start of the horizon.</param>
public readonly record struct TimeWindow(Duration Earliest, Duration Latest)
{
    /// <summary>
    /// The end of an open horizon: 10^15 units (about 31 million years in seconds), far beyond any shift yet small
    /// enough that sums of travel and service durations added to it cannot overflow a <see cref="long"/>.
    /// </summary>
    public static Duration OpenEnd => new(1_000_000_000_000_000L);

    /// <summary>The window that never constrains: [0, <see cref="OpenEnd"/>].</summary>
    public static TimeWindow Unbounded => new(Duration.Zero, OpenEnd);

    /// <summary>True when <paramref name="start"/> lies within the window (both ends inclusive).</summary>
    /// <param name="start">A start of service.</param>
    /// <returns>Whether service may begin then.</returns>
    public bool Contains(Duration start) => start >= Earliest && start <= Latest;

    /// <summary>The window as "[earliest, latest]".</summary>
    /// <returns>For example "[912, 967]".</returns>
    public override string ToString() => "[" + Earliest + ", " + Latest + "]";
}
