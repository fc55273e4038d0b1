namespace CitySort.Collection.Violations;

/// <summary>One stored event that proves (part of) a violation.</summary>
/// <param name="Key">The event's identity (device id, event id).</param>
/// <param name="Kind">The event's kind.</param>
/// <param name="DeviceTime">When it happened by the device's clock.</param>
public readonly record struct EvidenceRef(EventKey Key, EventKind Kind, DateTimeOffset DeviceTime)
{
    /// <summary>The reference of <paramref name="e"/>.</summary>
    /// <param name="e">A stored event.</param>
    /// <returns>Its key, kind and device time.</returns>
    public static EvidenceRef Of(CollectionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EvidenceRef(new EventKey(e.DeviceId, e.EventId), e.Kind, e.DeviceTime);
    }
}
