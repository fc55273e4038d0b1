using CitySort.Collection.Violations;

namespace CitySort.Server.Contracts;

/// <summary>A violation as the API lists it (docs/violations.md).</summary>
/// <param name="Id">The violation's id.</param>
/// <param name="Kind">What was broken.</param>
/// <param name="ClauseId">The clause, e.g. <c>W96-K5</c>.</param>
/// <param name="BusinessDay">The Asia/Shanghai business day.</param>
/// <param name="VehiclePlate">The vehicle, for the vehicle kinds.</param>
/// <param name="SiteCode">The site concerned, when one is.</param>
/// <param name="FacilityCode">The facility concerned, when one is.</param>
/// <param name="DistrictCode">The district of the vehicle or site.</param>
/// <param name="Description">What happened, in English.</param>
/// <param name="DescriptionZh">What happened, in Chinese.</param>
/// <param name="Evidence">The proving events by reference, in device-time order.</param>
/// <param name="Status">Open, Confirmed or Dismissed.</param>
/// <param name="ReviewedBy">Who reviewed it, as given; null while open.</param>
/// <param name="ReviewedAt">When it was reviewed (UTC); null while open.</param>
/// <param name="ReviewReason">The reviewer's reason; null while open or when confirmed without one.</param>
/// <param name="IsIllustrative">True when its evidence, vehicle or site is illustrative (demo).</param>
/// <param name="ProfileId">The policy profile of the evaluation that last found it; null for violations found before this was kept.</param>
/// <param name="ProfileVersion">That profile's version; null likewise.</param>
public sealed record ViolationView(
    int Id,
    ViolationKind Kind,
    string ClauseId,
    DateOnly BusinessDay,
    string? VehiclePlate,
    string? SiteCode,
    string? FacilityCode,
    string? DistrictCode,
    string Description,
    string DescriptionZh,
    IReadOnlyList<EvidenceView> Evidence,
    ViolationStatus Status,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewReason,
    bool IsIllustrative,
    string? ProfileId = null,
    string? ProfileVersion = null)
{
    /// <summary>The view of a stored violation.</summary>
    /// <param name="v">The violation with its evidence.</param>
    /// <returns>The view.</returns>
    public static ViolationView Of(Violation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new ViolationView(
            v.Id, v.Kind, v.ClauseId, v.BusinessDay, v.VehiclePlate, v.SiteCode, v.FacilityCode, v.DistrictCode, v.Description, v.DescriptionZh,
            v.Evidence.OrderBy(e => e.Ordinal).Select(e => new EvidenceView(e.DeviceId, e.EventId, e.Kind, e.DeviceTime)).ToList(),
            v.Status, v.ReviewedBy, v.ReviewedAt, v.ReviewReason, v.IsIllustrative, v.ProfileId, v.ProfileVersion);
    }
}
