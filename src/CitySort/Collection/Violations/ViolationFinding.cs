using System.Globalization;

namespace CitySort.Collection.Violations;

/// <summary>
/// A violation as a rule finds it, before it is stored and reviewed. <see cref="Key"/> is deterministic (kind,
/// plate, site, business day and the anchoring evidence) so that evaluating the same events again finds the same key
/// and the store updates the violation instead of adding a second one.
/// </summary>
/// <param name="Kind">What was broken.</param>
/// <param name="BusinessDay">The Asia/Shanghai business day.</param>
/// <param name="VehiclePlate">The vehicle, for the vehicle kinds; null for <see cref="ViolationKind.NotClearedSameDay"/>.</param>
/// <param name="SiteCode">The site concerned, when one is (the mismatching pickup's site, the missed or uncleared site).</param>
/// <param name="FacilityCode">The facility concerned, for <see cref="ViolationKind.MixedAtFacility"/> and a trip closed by a ticket.</param>
/// <param name="DistrictCode">The district of the vehicle (vehicle kinds) or of the site (site kinds), when known.</param>
/// <param name="Description">What happened, in English, with the times in Asia/Shanghai local time.</param>
/// <param name="DescriptionZh">The same in Chinese.</param>
/// <param name="Anchor">
/// The first proving event, part of the key; null for the kinds proved by absence (missed pickups, not cleared), which
/// are keyed by their site instead.
/// </param>
/// <param name="Evidence">The events that prove it, in device-time order (may be empty for the absence kinds).</param>
/// <param name="IsIllustrative">True when any evidence event, or the vehicle or site, is illustrative (demo).</param>
public sealed record ViolationFinding(
    ViolationKind Kind,
    DateOnly BusinessDay,
    string? VehiclePlate,
    string? SiteCode,
    string? FacilityCode,
    string? DistrictCode,
    string Description,
    string DescriptionZh,
    EventKey? Anchor,
    IReadOnlyList<EvidenceRef> Evidence,
    bool IsIllustrative)
{
    /// <summary>The clause broken (<see cref="ViolationKinds.ClauseOf"/>).</summary>
    public string ClauseId => ViolationKinds.ClauseOf(Kind);

    /// <summary>
    /// The deterministic key: <c>kind|plate|site|yyyy-MM-dd|deviceId/eventId</c> with empty parts where they do not
    /// apply; the site is part of it only for the absence kinds, whose anchor is empty.
    /// </summary>
    public string Key => string.Join(
        '|',
        Kind.ToString(),
        VehiclePlate ?? string.Empty,
        Anchor is null ? SiteCode ?? string.Empty : string.Empty,
        BusinessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Anchor is { } a ? a.DeviceId + "/" + a.EventId : string.Empty);
}
