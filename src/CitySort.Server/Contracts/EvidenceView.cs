using CitySort.Collection;

namespace CitySort.Server.Contracts;

/// <summary>One proving event of a violation, by reference.</summary>
/// <param name="DeviceId">The sending device.</param>
/// <param name="EventId">The device's event id.</param>
/// <param name="Kind">The event's kind.</param>
/// <param name="DeviceTime">When it happened by the device's clock (UTC).</param>
public sealed record EvidenceView(string DeviceId, string EventId, EventKind Kind, DateTimeOffset DeviceTime);
