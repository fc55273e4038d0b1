using System.Text.Json;

namespace CitySort.Server.Contracts;

/// <summary>
/// The body of <c>POST /api/events</c>: <c>{"events": [ … ]}</c>, 1 to 1000 event objects of any kind, each naming its
/// <c>kind</c> (<c>pickup</c>, <c>gps</c>, <c>ticket</c>, <c>finding</c>; docs/events.md).
/// </summary>
/// <param name="Events">The events, each a JSON object as docs/events.md defines it.</param>
public sealed record EventBatchRequest(IReadOnlyList<JsonElement> Events);
