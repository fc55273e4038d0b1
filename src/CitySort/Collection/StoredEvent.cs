using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// An accepted event as the store writes it: the event, its content hash (for idempotence), and the registry facts
/// fixed at intake that the rollups group by, so that rebuilding the rollups from raw events gives the same answer
/// whatever the registry says later.
/// </summary>
/// <param name="Event">The event.</param>
/// <param name="ContentHash">SHA-256 of its canonical content (<see cref="EventContentHash"/>).</param>
/// <param name="DistrictCode">The district it counts for: a pickup's or finding's site district, a ticket's vehicle district (W96-T5 residualAttribution); empty for GPS fixes.</param>
/// <param name="AreaCode">The area it counts for (a district code or a profile area id); empty for GPS fixes.</param>
/// <param name="FacilityKind">A ticket's facility kind; otherwise null.</param>
/// <param name="IsSorted">A ticket delivered by a vehicle dedicated to its declared category or stream (W96-T4).</param>
/// <param name="IsTreated">A ticket at a facility that treats its declared category or stream (W96-T4).</param>
public sealed record StoredEvent(
    CollectionEvent Event,
    string ContentHash,
    string DistrictCode,
    string AreaCode,
    FacilityKind? FacilityKind,
    bool IsSorted,
    bool IsTreated)
{
    /// <summary>The key of the event.</summary>
    public EventKey Key => new(Event.DeviceId, Event.EventId);

    /// <summary>The category or stream name of a pickup or ticket (<c>Recyclable</c>, <c>Catering</c>, …); otherwise empty.</summary>
    public string CategoryName => Event switch
    {
        PickupEvent p => NameOf(p.Category, p.Stream),
        WeighTicketEvent t => NameOf(t.DeclaredCategory, t.DeclaredStream),
        _ => string.Empty,
    };

    /// <summary>The name of a category or stream.</summary>
    /// <param name="category">The category, or null.</param>
    /// <param name="stream">The stream, or null.</param>
    public static string NameOf(WasteCategory? category, SpecialStream? stream) =>
        category?.ToString() ?? stream?.ToString() ?? string.Empty;
}
