namespace CitySort.Collection;

/// <summary>An inspector's finding at a site (W96-A1: daily inspection and supervision).</summary>
/// <param name="EventId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceId">See <see cref="CollectionEvent"/>.</param>
/// <param name="DeviceTime">When the inspector recorded it.</param>
/// <param name="IsIllustrative">See <see cref="CollectionEvent"/>.</param>
/// <param name="SiteCode">The inspected site's code.</param>
/// <param name="Inspector">The inspector's name or staff number (text, never markup).</param>
/// <param name="ClauseId">The clause found broken, such as <c>W96-K5</c> or <c>W96-B1</c>; must exist in the profile.</param>
/// <param name="Note">The inspector's note, or null.</param>
/// <param name="PhotoReference">A reference to the photo evidence (an id or URL as text), or null.</param>
public sealed record InspectionFindingEvent(
    string EventId,
    string DeviceId,
    DateTimeOffset DeviceTime,
    bool IsIllustrative,
    string SiteCode,
    string Inspector,
    string ClauseId,
    string? Note,
    string? PhotoReference) : CollectionEvent(EventId, DeviceId, DeviceTime, IsIllustrative)
{
    /// <inheritdoc />
    public override EventKind Kind => EventKind.InspectionFinding;
}
