namespace CitySort.Collection.Violations;

/// <summary>
/// A stored violation with its evidence and review (table <c>Violations</c>). Low-volume, reviewed records kept through
/// EF Core. <see cref="Key"/> is unique (<see cref="ViolationFinding.Key"/>): evaluating the same events again
/// updates the violation instead of adding another.
/// </summary>
public sealed class Violation
{
    /// <summary>Surrogate key, the id of the API.</summary>
    public int Id { get; set; }

    /// <summary>The deterministic key: kind, plate, site (absence kinds), business day and anchoring event.</summary>
    public required string Key { get; set; }

    /// <summary>What was broken.</summary>
    public ViolationKind Kind { get; set; }

    /// <summary>The clause broken, e.g. <c>W96-K5</c>.</summary>
    public required string ClauseId { get; set; }

    /// <summary>The Asia/Shanghai business day.</summary>
    public DateOnly BusinessDay { get; set; }

    /// <summary>The vehicle, for the vehicle kinds.</summary>
    public string? VehiclePlate { get; set; }

    /// <summary>The site concerned, when one is.</summary>
    public string? SiteCode { get; set; }

    /// <summary>The facility concerned, when one is.</summary>
    public string? FacilityCode { get; set; }

    /// <summary>The district of the vehicle or site, when known.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>What happened, in English.</summary>
    public required string Description { get; set; }

    /// <summary>What happened, in Chinese.</summary>
    public required string DescriptionZh { get; set; }

    /// <summary>Where the review stands.</summary>
    public ViolationStatus Status { get; set; } = ViolationStatus.Open;

    /// <summary>Who confirmed or dismissed it, as the request gave the name; null while open.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>When it was confirmed or dismissed (UTC); null while open.</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The reviewer's reason (required to dismiss); null while open.</summary>
    public string? ReviewReason { get; set; }

    /// <summary>True when its evidence, vehicle or site is illustrative (demo).</summary>
    public bool IsIllustrative { get; set; }

    /// <summary>When it was first found (UTC).</summary>
    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>When an evaluation last found it (UTC).</summary>
    public DateTimeOffset EvaluatedAt { get; set; }

    /// <summary>The policy profile (id) of the evaluation that last found it; null for violations found before this was kept.</summary>
    public string? ProfileId { get; set; }

    /// <summary>That profile's version; null for violations found before this was kept.</summary>
    public string? ProfileVersion { get; set; }

    /// <summary>The proving events in device-time order.</summary>
    public List<ViolationEvidence> Evidence { get; set; } = [];
}
