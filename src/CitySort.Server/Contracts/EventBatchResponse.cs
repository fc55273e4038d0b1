namespace CitySort.Server.Contracts;

/// <summary>The answer to <c>POST /api/events</c>: one result per event, in order, and the counts by outcome.</summary>
/// <param name="DeviceId">The device the batch was taken in for (<c>demo</c> for an anonymous demo device).</param>
/// <param name="Accepted">Events stored now.</param>
/// <param name="Duplicate">Events stored before with the same content (applied once).</param>
/// <param name="Conflict">Events whose id was stored before with other content (refused, stored as rejections).</param>
/// <param name="Rejected">Events refused with a reason (stored as rejections).</param>
/// <param name="Results">One result per event, <c>index</c> 0 first.</param>
public sealed record EventBatchResponse(string DeviceId, int Accepted, int Duplicate, int Conflict, int Rejected, IReadOnlyList<EventResultView> Results);
