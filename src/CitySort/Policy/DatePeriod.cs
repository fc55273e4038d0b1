namespace CitySort.Policy;

/// <summary>
/// A span of calendar days, both ends inclusive; an absent end is open (e.g. a wage schedule in force from a date
/// with no end). JSON: <c>{ "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }</c>, either field optional.
/// </summary>
/// <param name="From">First day, or null when open at the start.</param>
/// <param name="To">Last day, or null when open at the end.</param>
public sealed record DatePeriod(DateOnly? From, DateOnly? To)
{
    /// <summary>Whether <paramref name="day"/> falls within the period (ends included).</summary>
    /// <param name="day">The calendar day.</param>
    /// <returns>True when inside.</returns>
    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);

    /// <summary>Whether the two periods share at least one day.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>True when they overlap.</returns>
    public bool Overlaps(DatePeriod other) =>
        (From is null || other.To is null || From <= other.To) && (other.From is null || To is null || other.From <= To);

    /// <inheritdoc />
    public override string ToString() =>
        (From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open start") + " to " +
        (To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open end");
}
