namespace CitySort.Collection;

/// <summary>
/// A parsed, validated device event. Instants are kept with the offset they were read in
/// (<see cref="DateTimeOffset.Offset"/>) and stored in UTC; <see cref="BusinessDay"/> is the Asia/Shanghai calendar
/// day of <see cref="DeviceTime"/> (DESIGN.md, "Coordinates and time").
/// </summary>
/// <param name="EventId">The device's id for the event (at most 64 characters); unique per device.</param>
/// <param name="DeviceId">The device that sent it.</param>
/// <param name="DeviceTime">When it happened, by the device's clock, with the offset it was read in.</param>
/// <param name="IsIllustrative">True when a demo device sent it (the demo city, the simulator).</param>
public abstract record CollectionEvent(string EventId, string DeviceId, DateTimeOffset DeviceTime, bool IsIllustrative)
{
    /// <summary>The kind of event.</summary>
    public abstract EventKind Kind { get; }

    /// <summary>The Asia/Shanghai calendar day of <see cref="DeviceTime"/> (UTC+8, no daylight saving).</summary>
    public DateOnly BusinessDay => DateOnly.FromDateTime(DeviceTime.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
