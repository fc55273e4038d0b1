namespace CitySort.Collection;

/// <summary>
/// The kinds of device event the collection chain takes in (W96-A6: real-time management of sorted collection and
/// transport). Each kind's payload is documented in docs/events.md.
/// </summary>
public enum EventKind
{
    /// <summary>A vehicle emptied a site's bin or bins (收运记录): <see cref="PickupEvent"/>.</summary>
    Pickup = 1,

    /// <summary>A vehicle's position fix: <see cref="GpsFixEvent"/>.</summary>
    GpsFix = 2,

    /// <summary>A facility's weighbridge ticket (过磅单): <see cref="WeighTicketEvent"/>.</summary>
    WeighTicket = 3,

    /// <summary>An inspector's finding at a site: <see cref="InspectionFindingEvent"/>.</summary>
    InspectionFinding = 4,
}
