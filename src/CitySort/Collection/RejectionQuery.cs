namespace CitySort.Collection;

/// <summary>Which stored rejections to list.</summary>
/// <param name="From">First Asia/Shanghai day of receipt, or null.</param>
/// <param name="To">Last Asia/Shanghai day of receipt (inclusive), or null.</param>
/// <param name="ReasonCode">Only this reason code, or null.</param>
/// <param name="DeviceId">Only this device, or null.</param>
/// <param name="Limit">At most this many, newest first (1..10000).</param>
/// <param name="DeviceIds">
/// Only the rejections of these devices (a reader's scope: the devices of a district officer's vehicles), or null for
/// every device; an empty list matches nothing.
/// </param>
public sealed record RejectionQuery(DateOnly? From = null, DateOnly? To = null, string? ReasonCode = null, string? DeviceId = null, int Limit = 1000, IReadOnlyList<string>? DeviceIds = null);
