using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CitySort.Collection;

/// <summary>
/// Reads event times by the rule of docs/events.md ("Times"): a time with an offset is taken as given; one without
/// is a local time in the device's zone (Asia/Shanghai when it names none), never UTC or the server's zone.
/// </summary>
public static partial class EventTimes
{
    /// <summary>The business-day zone offset: Asia/Shanghai is UTC+8 all year (no daylight saving since 1991).</summary>
    public static readonly TimeSpan BusinessDayOffset = TimeSpan.FromHours(8);

    /// <summary>The zones looked up so far, by id (null: no such zone); ids come from device registrations, so few.</summary>
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>The Asia/Shanghai calendar day of an instant.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>The business day.</returns>
    public static DateOnly BusinessDayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(BusinessDayOffset).DateTime);

    /// <summary>The first instant of a business day.</summary>
    /// <param name="day">The business day.</param>
    /// <returns>00:00 in Asia/Shanghai of that day.</returns>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), BusinessDayOffset);

    /// <summary>Finds the device's zone.</summary>
    /// <param name="timeZoneId">An IANA zone id, or null for Asia/Shanghai.</param>
    /// <param name="zone">The zone found.</param>
    /// <returns>False when the id names no zone known to the system.</returns>
    public static bool TryFindZone(string? timeZoneId, out TimeZoneInfo zone)
    {
        // Looked up once per id (every event asks; the system's own cache takes a lock on each call).
        var found = Zones.GetOrAdd(timeZoneId ?? DeviceIdentity.DefaultTimeZoneId, static id =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return null;
            }
        });
        zone = found ?? TimeZoneInfo.Utc;
        return found is not null;
    }

    /// <summary>
    /// Reads an ISO 8601 date and time (<c>2015-12-01T07:30:00+08:00</c>, <c>…Z</c>, or <c>2015-12-01T07:30:00</c>
    /// without an offset, read in <paramref name="zone"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="zone">The device's zone for times without an offset.</param>
    /// <param name="value">The instant, with the offset it was read in.</param>
    /// <param name="error">Why it could not be read (English, Chinese), or null.</param>
    /// <returns>True when read.</returns>
    public static bool TryRead(string text, TimeZoneInfo zone, out DateTimeOffset value, out (string En, string Zh)? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        value = default;
        error = null;
        var match = IsoPattern().Match(text);
        if (!match.Success)
        {
            error = ($"'{Clip(text)}' is not an ISO 8601 date and time such as 2015-12-01T07:30:00+08:00",
                $"“{Clip(text)}”不是 ISO 8601 日期时间（例如 2015-12-01T07:30:00+08:00）");
            return false;
        }

        if (match.Groups["offset"].Success)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                error = ($"'{Clip(text)}' is not a valid date and time", $"“{Clip(text)}”不是有效的日期时间");
                return false;
            }

            return true;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = ($"'{Clip(text)}' is not a valid date and time", $"“{Clip(text)}”不是有效的日期时间");
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            error = ($"'{Clip(text)}' does not exist in the device's time zone {zone.Id} (a daylight-saving gap)",
                $"“{Clip(text)}”在设备时区 {zone.Id} 中不存在（夏令时跳过的时间）");
            return false;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
