namespace CitySort.Collection;

/// <summary>The identity of a stored event: event ids are unique per device.</summary>
/// <param name="DeviceId">The sending device.</param>
/// <param name="EventId">The device's event id.</param>
public readonly record struct EventKey(string DeviceId, string EventId);
