using CitySort.Planning;

namespace CitySort.Collection.PlanActual;

/// <summary>
/// A vehicle's driven track from its GPS fixes: the fixes in device-time order, the receiver's jumps left out, the
/// great-circle metres summed (haversine, <see cref="GeoPoint.GreatCircleMetresTo"/>) and the time from the first to
/// the last kept fix. A fix is a jump when reaching it from the last kept fix needs more than the profile's
/// <c>routeChecks.maxPlausibleSpeedKmPerHour</c> (a fix at the same instant but elsewhere is a jump too); the first
/// kept fix is the first one from which the next fix is plausible, so a bad first fix does not discard the day.
/// </summary>
/// <param name="DrivenMetres">Σ great-circle metres between consecutive kept fixes.</param>
/// <param name="FixCount">How many fixes the track had.</param>
/// <param name="IgnoredFixCount">How many of them were left out as jumps.</param>
/// <param name="FirstFix">The first kept fix's device time, or null without fixes.</param>
/// <param name="LastFix">The last kept fix's device time, or null without fixes.</param>
public sealed record GpsTrack(double DrivenMetres, int FixCount, int IgnoredFixCount, DateTimeOffset? FirstFix, DateTimeOffset? LastFix)
{
    /// <summary>Seconds from the first to the last kept fix (0 with fewer than two).</summary>
    public double DrivenSeconds => FirstFix is { } a && LastFix is { } b ? (b - a).TotalSeconds : 0;

    /// <summary>The track of <paramref name="fixes"/>.</summary>
    /// <param name="fixes">One vehicle's fixes of the day, in any order.</param>
    /// <param name="maxPlausibleSpeedKmPerHour">The jump threshold, or null to keep every fix.</param>
    /// <returns>The summed track.</returns>
    public static GpsTrack Of(IEnumerable<GpsFixEvent> fixes, int? maxPlausibleSpeedKmPerHour)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        var sorted = fixes.OrderBy(f => f.DeviceTime).ThenBy(f => f.DeviceId, StringComparer.Ordinal).ThenBy(f => f.EventId, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return new GpsTrack(0, 0, 0, null, null);
        }

        var start = 0;
        while (start < sorted.Count - 1 && !Plausible(sorted[start], sorted[start + 1], maxPlausibleSpeedKmPerHour))
        {
            start++;
        }

        if (start == sorted.Count - 1 && sorted.Count > 1)
        {
            start = 0; // no plausible pair at all: keep the first fix and let the rule below judge the rest
        }

        var kept = sorted[start];
        var first = kept;
        var metres = 0.0;
        var ignored = start;
        foreach (var fix in sorted.Skip(start + 1))
        {
            if (!Plausible(kept, fix, maxPlausibleSpeedKmPerHour))
            {
                ignored++;
                continue;
            }

            metres += Point(kept).GreatCircleMetresTo(Point(fix));
            kept = fix;
        }

        return new GpsTrack(metres, sorted.Count, ignored, first.DeviceTime, kept.DeviceTime);
    }

    private static GeoPoint Point(GpsFixEvent f) => new(f.Point.Longitude, f.Point.Latitude);

    private static bool Plausible(GpsFixEvent from, GpsFixEvent to, int? maxKmh)
    {
        if (maxKmh is not { } max)
        {
            return true;
        }

        var metres = Point(from).GreatCircleMetresTo(Point(to));
        var seconds = (to.DeviceTime - from.DeviceTime).TotalSeconds;
        return seconds <= 0 ? metres == 0 : metres / seconds * 3.6 <= max;
    }
}
