namespace CitySort.Fuzz;

/// <summary>A clock standing at one instant, so that the seed files' 2015 events are not too old for the intake.</summary>
/// <param name="now">The instant.</param>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
