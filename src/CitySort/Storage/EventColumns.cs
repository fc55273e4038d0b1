using System.Data.Common;
using CitySort.Collection;
using CitySort.Registry;
using NpgsqlTypes;

namespace CitySort.Storage;

/// <summary>The column lists of the event tables and how a <see cref="StoredEvent"/> maps to a row and back.</summary>
internal static class EventColumns
{
    private const NpgsqlDbType Text = NpgsqlDbType.Text;
    private const NpgsqlDbType Big = NpgsqlDbType.Bigint;
    private const NpgsqlDbType Real = NpgsqlDbType.Double;
    private const NpgsqlDbType Date = NpgsqlDbType.Date;

    public static readonly (string Name, NpgsqlDbType Type)[] Keys =
        [("device_id", Text), ("event_id", Text), ("kind", Big), ("business_day", Date), ("content_hash", Text), ("received_at_ms", Big)];

    public static readonly (string Name, NpgsqlDbType Type)[] Rejections =
        [("received_at_ms", Big), ("device_id", Text), ("source", Text), ("event_id", Text), ("kind", Big), ("outcome", Big), ("reason_code", Text), ("reason", Text), ("reason_zh", Text), ("payload", Text)];

    /// <summary>The columns of a door refusal: a rejection's, with the client id and the dropped count.</summary>
    public static readonly (string Name, NpgsqlDbType Type)[] DoorRefusals =
        [.. Rejections, ("client_id", Text), ("dropped_count", Big)];

    private static readonly (string Name, NpgsqlDbType Type)[] Common =
        [("device_id", Text), ("event_id", Text), ("business_day", Date), ("device_time_ms", Big), ("offset_minutes", Big), ("is_illustrative", Big)];

    public static readonly EventTable Pickups = new(
        EventKind.Pickup,
        "collection_pickups",
        [.. Common, ("vehicle_plate", Text), ("site_code", Text), ("bin_id", Text), ("category", Text), ("estimated_g", Big), ("longitude", Real), ("latitude", Real), ("datum", Big), ("district_code", Text), ("area_code", Text)],
        s =>
        {
            var p = (PickupEvent)s.Event;
            return [.. CommonRow(p), p.VehiclePlate, p.SiteCode, p.BinId, s.CategoryName, EventContentHash.Grams(p.EstimatedKg), p.Point?.Longitude, p.Point?.Latitude, p.Point is { } pt ? (long)pt.SourceDatum : null, s.DistrictCode, s.AreaCode];
        },
        r => new PickupEvent(r.GetString(1), r.GetString(0), Time(r, 3), r.GetInt64(5) != 0, r.GetString(6), r.GetString(7), NullableString(r, 8),
            Category(r.GetString(9)), Stream(r.GetString(9)), r.GetInt64(10) / 1000m,
            r.IsDBNull(11) ? null : new EventPoint(r.GetDouble(11), r.GetDouble(12), (CoordinateDatum)r.GetInt64(13))));

    public static readonly EventTable GpsFixes = new(
        EventKind.GpsFix,
        "collection_gps_fixes",
        [.. Common, ("vehicle_plate", Text), ("longitude", Real), ("latitude", Real), ("datum", Big), ("speed_kmh", Real), ("heading_degrees", Real)],
        s =>
        {
            var g = (GpsFixEvent)s.Event;
            return [.. CommonRow(g), g.VehiclePlate, g.Point.Longitude, g.Point.Latitude, (long)g.Point.SourceDatum, g.SpeedKmh, g.HeadingDegrees];
        },
        r => new GpsFixEvent(r.GetString(1), r.GetString(0), Time(r, 3), r.GetInt64(5) != 0, r.GetString(6),
            new EventPoint(r.GetDouble(7), r.GetDouble(8), (CoordinateDatum)r.GetInt64(9)), NullableDouble(r, 10), NullableDouble(r, 11)));

    public static readonly EventTable Tickets = new(
        EventKind.WeighTicket,
        "collection_tickets",
        [.. Common, ("facility_code", Text), ("vehicle_plate", Text), ("time_in_ms", Big), ("time_in_offset_minutes", Big), ("gross_g", Big), ("tare_g", Big), ("net_g", Big),
            ("category", Text), ("facility_kind", Big), ("district_code", Text), ("area_code", Text), ("is_sorted", Big), ("is_treated", Big)],
        s =>
        {
            var t = (WeighTicketEvent)s.Event;
            return [.. CommonRow(t), t.FacilityCode, t.VehiclePlate, t.TimeIn.ToUnixTimeMilliseconds(), (long)t.TimeIn.Offset.TotalMinutes,
                EventContentHash.Grams(t.GrossKg), EventContentHash.Grams(t.TareKg), EventContentHash.Grams(t.NetKg), s.CategoryName,
                (long)(s.FacilityKind ?? FacilityKind.TransferStation), s.DistrictCode, s.AreaCode, s.IsSorted ? 1L : 0L, s.IsTreated ? 1L : 0L];
        },
        r => new WeighTicketEvent(r.GetString(1), r.GetString(0), Time(r, 3), r.GetInt64(5) != 0, r.GetString(6), r.GetString(7), Time(r, 8), Time(r, 3),
            r.GetInt64(10) / 1000m, r.GetInt64(11) / 1000m, r.GetInt64(12) / 1000m, Category(r.GetString(13)), Stream(r.GetString(13))));

    public static readonly EventTable Findings = new(
        EventKind.InspectionFinding,
        "collection_findings",
        [.. Common, ("site_code", Text), ("inspector", Text), ("clause_id", Text), ("note", Text), ("photo_reference", Text), ("district_code", Text), ("area_code", Text)],
        s =>
        {
            var f = (InspectionFindingEvent)s.Event;
            return [.. CommonRow(f), f.SiteCode, f.Inspector, f.ClauseId, f.Note, f.PhotoReference, s.DistrictCode, s.AreaCode];
        },
        r => new InspectionFindingEvent(r.GetString(1), r.GetString(0), Time(r, 3), r.GetInt64(5) != 0, r.GetString(6), r.GetString(7), r.GetString(8), NullableString(r, 9), NullableString(r, 10)));

    public static readonly EventTable[] All = [Pickups, GpsFixes, Tickets, Findings];

    public static object?[] KeyRow(StoredEvent s, long receivedAtMs) =>
        [s.Event.DeviceId, s.Event.EventId, (long)s.Event.Kind, s.Event.BusinessDay, s.ContentHash, receivedAtMs];

    private static object?[] CommonRow(CollectionEvent e) =>
        [e.DeviceId, e.EventId, e.BusinessDay, e.DeviceTime.ToUnixTimeMilliseconds(), (long)e.DeviceTime.Offset.TotalMinutes, e.IsIllustrative ? 1L : 0L];

    /// <summary>An instant from a milliseconds column followed by its offset-minutes column.</summary>
    private static DateTimeOffset Time(DbDataReader r, int msOrdinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(msOrdinal)).ToOffset(TimeSpan.FromMinutes(r.GetInt64(msOrdinal + 1)));

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static double? NullableDouble(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDouble(ordinal);

    private static WasteCategory? Category(string name) => Enum.TryParse<WasteCategory>(name, out var c) ? c : null;

    private static SpecialStream? Stream(string name) => Enum.TryParse<SpecialStream>(name, out var s) ? s : null;

    /// <summary>One event table: its kind, name, columns, and row mapping.</summary>
    internal sealed record EventTable(
        EventKind Kind,
        string Table,
        (string Name, NpgsqlDbType Type)[] Columns,
        Func<StoredEvent, object?[]> Row,
        Func<DbDataReader, CollectionEvent> Read)
    {
        public string SelectList => string.Join(", ", Columns.Select(c => c.Name));
    }
}
