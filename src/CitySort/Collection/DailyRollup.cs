using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// One row of the daily rollup: per Asia/Shanghai business day × district × area × category (or stream) × facility.
/// Pickup rows have an empty <see cref="FacilityCode"/>; ticket rows name the receiving facility.
/// </summary>
/// <param name="BusinessDay">The business day.</param>
/// <param name="DistrictCode">The district (a pickup's site district; a ticket's vehicle district, W96-T5 residualAttribution).</param>
/// <param name="AreaCode">The area (district code or profile area id).</param>
/// <param name="Category">The category or stream name.</param>
/// <param name="FacilityCode">The facility, or empty for pickups.</param>
/// <param name="FacilityKind">The facility's kind for ticket rows; null for pickup rows.</param>
/// <param name="IsIllustrative">True when any event counted here came from a demo device.</param>
/// <param name="PickupCount">Pickups.</param>
/// <param name="PickupEstimatedKg">Sum of the pickups' estimated kilograms.</param>
/// <param name="TicketCount">Weigh tickets.</param>
/// <param name="TicketNetKg">Sum of the tickets' net kilograms.</param>
/// <param name="TicketSortedNetKg">Net kilograms delivered by vehicles dedicated to the declared category (W96-T4).</param>
/// <param name="TicketTreatedNetKg">Net kilograms received by a facility that treats the declared category (W96-T4).</param>
public sealed record DailyRollup(
    DateOnly BusinessDay,
    string DistrictCode,
    string AreaCode,
    string Category,
    string FacilityCode,
    FacilityKind? FacilityKind,
    bool IsIllustrative,
    long PickupCount,
    decimal PickupEstimatedKg,
    long TicketCount,
    decimal TicketNetKg,
    decimal TicketSortedNetKg,
    decimal TicketTreatedNetKg);
