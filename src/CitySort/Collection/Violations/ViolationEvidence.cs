namespace CitySort.Collection.Violations;

/// <summary>One proving event of a <see cref="Violation"/> (table <c>ViolationEvidence</c>): the event's key, kind and device time.</summary>
public sealed class ViolationEvidence
{
    /// <summary>The violation.</summary>
    public int ViolationId { get; set; }

    /// <summary>Position in the violation's evidence, from 0, in device-time order.</summary>
    public int Ordinal { get; set; }

    /// <summary>The sending device (<see cref="EventKey.DeviceId"/>).</summary>
    public required string DeviceId { get; set; }

    /// <summary>The device's event id (<see cref="EventKey.EventId"/>).</summary>
    public required string EventId { get; set; }

    /// <summary>The event's kind.</summary>
    public EventKind Kind { get; set; }

    /// <summary>When it happened by the device's clock, stored in UTC.</summary>
    public DateTimeOffset DeviceTime { get; set; }
}
