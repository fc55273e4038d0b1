using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CitySort.Collection;

/// <summary>
/// The SHA-256 of an event's canonical content (docs/events.md, "Idempotence"): its kind, id and members in a fixed
/// order, times as UTC instants (ticks), masses to the gram, coordinates round-tripped. Member order, spacing and the
/// offset a time was written in do not change it; any change of value does.
/// </summary>
public static class EventContentHash
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="e"/>'s content.</summary>
    /// <param name="e">The parsed event.</param>
    public static string Of(CollectionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = new StringBuilder(256);
        void Add(object? value)
        {
            text.Append(value switch
            {
                null => "\u2400",
                DateTimeOffset t => t.UtcTicks.ToString(CultureInfo.InvariantCulture),
                decimal d => Grams(d).ToString(CultureInfo.InvariantCulture),
                double x => x.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
            text.Append('\u241F');
        }

        Add(e.Kind);
        Add(e.EventId);
        Add(e.DeviceTime);
        switch (e)
        {
            case PickupEvent p:
                Add(p.VehiclePlate); Add(p.SiteCode); Add(p.BinId); Add(p.Category); Add(p.Stream); Add(p.EstimatedKg);
                Add(p.Point?.Longitude); Add(p.Point?.Latitude); Add(p.Point?.SourceDatum);
                break;
            case GpsFixEvent g:
                Add(g.VehiclePlate); Add(g.Point.Longitude); Add(g.Point.Latitude); Add(g.Point.SourceDatum); Add(g.SpeedKmh); Add(g.HeadingDegrees);
                break;
            case WeighTicketEvent t:
                Add(t.FacilityCode); Add(t.VehiclePlate); Add(t.TimeIn); Add(t.TimeOut); Add(t.GrossKg); Add(t.TareKg); Add(t.NetKg);
                Add(t.DeclaredCategory); Add(t.DeclaredStream);
                break;
            case InspectionFindingEvent f:
                Add(f.SiteCode); Add(f.Inspector); Add(f.ClauseId); Add(f.Note); Add(f.PhotoReference);
                break;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A mass in kilograms as whole grams (the store's unit).</summary>
    /// <param name="kg">Kilograms.</param>
    public static long Grams(decimal kg) => (long)Math.Round(kg * 1000m, MidpointRounding.AwayFromZero);
}
