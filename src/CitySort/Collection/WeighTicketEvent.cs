using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// A facility's weighbridge ticket (过磅单, <c>WeighTicket</c>). Its <see cref="CollectionEvent.DeviceTime"/> is
/// <see cref="TimeOut"/>, the moment the net mass is known; the event id is the ticket id. Invariants checked by the
/// intake: <c>NetKg = GrossKg − TareKg</c>, <c>TareKg ≤ GrossKg</c>, <c>TimeIn ≤ TimeOut</c>, net within the vehicle's
/// capacity. Exactly one of <see cref="DeclaredCategory"/> and <see cref="DeclaredStream"/> is set.
/// </summary>
/// <param name="EventId">The ticket id.</param>
/// <param name="DeviceId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceTime">The time out.</param>
/// <param name="IsIllustrative">See <see cref="CollectionEvent"/>.</param>
/// <param name="FacilityCode">The facility's code (registry natural key).</param>
/// <param name="VehiclePlate">The weighed vehicle's plate.</param>
/// <param name="TimeIn">When the loaded vehicle was weighed in.</param>
/// <param name="TimeOut">When the empty vehicle was weighed out.</param>
/// <param name="GrossKg">Gross mass (毛重) in kilograms.</param>
/// <param name="TareKg">Tare mass (皮重) in kilograms.</param>
/// <param name="NetKg">Net mass (净重) in kilograms.</param>
/// <param name="DeclaredCategory">The category the driver declared, or null for a special stream.</param>
/// <param name="DeclaredStream">The special stream declared, or null.</param>
public sealed record WeighTicketEvent(
    string EventId,
    string DeviceId,
    DateTimeOffset DeviceTime,
    bool IsIllustrative,
    string FacilityCode,
    string VehiclePlate,
    DateTimeOffset TimeIn,
    DateTimeOffset TimeOut,
    decimal GrossKg,
    decimal TareKg,
    decimal NetKg,
    WasteCategory? DeclaredCategory,
    SpecialStream? DeclaredStream) : CollectionEvent(EventId, DeviceId, DeviceTime, IsIllustrative)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.WeighTicket;
}
