namespace CitySort.Audit;

/// <summary>A filter over the audit trail (<c>GET /api/audit</c>); every part is optional.</summary>
/// <param name="Entity">Only this kind of record (exact, e.g. <c>Site</c>).</param>
/// <param name="Key">Only this record's key (exact).</param>
/// <param name="Actor">Only this actor (exact, e.g. <c>cli:operator</c>).</param>
/// <param name="From">Only changes at or after this instant.</param>
/// <param name="To">Only changes before this instant.</param>
public sealed record AuditQuery(string? Entity = null, string? Key = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
