using System.Globalization;
using System.Text.Json;
using CitySort.Imports;
using CitySort.Registry;

namespace CitySort.Collection.Files;

/// <summary>
/// The CSV door of the collection chain (docs/formats.md, "Weigh tickets CSV" and "Pickups CSV"): reads a file with
/// the registry imports' CSV reader (<see cref="CsvTable"/>, so the same encodings, quoting and header rules), turns
/// every row into an <see cref="IncomingEvent"/> (the JSON object of docs/events.md, source <c>FILE:LINE</c>) and
/// submits the whole file with <see cref="IEventIntake.SubmitFileAsync"/>: all or nothing, and importing the same file
/// again changes nothing (every row a duplicate). Each refused row is reported as file:line:column with the intake's
/// reason in English and Chinese.
/// </summary>
/// <param name="intake">The intake.</param>
public sealed class EventFileImporter(IEventIntake intake)
{
    private static readonly Column[] TicketColumns =
    [
        new("ticket_id", "ticketId", ValueType.Text, Required: true),
        new("facility_code", "facilityCode", ValueType.Text, Required: true),
        new("vehicle_plate", "vehiclePlate", ValueType.Text, Required: true),
        new("time_in", "timeIn", ValueType.Text, Required: true),
        new("time_out", "timeOut", ValueType.Text, Required: true),
        new("gross_kg", "grossKg", ValueType.Number, Required: true),
        new("tare_kg", "tareKg", ValueType.Number, Required: true),
        new("net_kg", "netKg", ValueType.Number, Required: true),
        new("category", "declaredCategory", ValueType.CategoryOrStream, Required: true, StreamMember: "declaredStream"),
    ];

    private static readonly Column[] PickupColumns =
    [
        new("event_id", "eventId", ValueType.Text, Required: true),
        new("time", "deviceTime", ValueType.Text, Required: true),
        new("vehicle_plate", "vehiclePlate", ValueType.Text, Required: true),
        new("site_code", "siteCode", ValueType.Text, Required: true),
        new("bin_id", "binId", ValueType.Text, Required: false),
        new("category", "category", ValueType.CategoryOrStream, Required: true, StreamMember: "stream"),
        new("estimated_kg", "estimatedKg", ValueType.Number, Required: true),
        new("longitude", "point.longitude", ValueType.Number, Required: false),
        new("latitude", "point.latitude", ValueType.Number, Required: false),
        new("datum", "point.datum", ValueType.Text, Required: false),
    ];

    /// <summary>The office account a file is imported for when no device is named: <c>office:tickets</c> or <c>office:pickups</c>.</summary>
    /// <param name="kind"><see cref="ImportKind.Tickets"/> or <see cref="ImportKind.Pickups"/>.</param>
    /// <returns>An identity of kind <see cref="DeviceKind.Office"/>.</returns>
    public static DeviceIdentity OfficeFor(ImportKind kind) => new("office:" + kind.ToString().ToLowerInvariant(), DeviceKind.Office);

    /// <summary>Imports a weigh tickets CSV (columns <c>ticket_id,facility_code,vehicle_plate,time_in,time_out,gross_kg,tare_kg,net_kg,category</c>).</summary>
    /// <param name="stream">The file.</param>
    /// <param name="fileName">The name used in problems and event sources.</param>
    /// <param name="device">The weighbridge or office the file is for; null for <see cref="OfficeFor"/>.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    /// <returns>The report: inserted = tickets stored now, unchanged = tickets stored before; or every problem and nothing stored.</returns>
    public Task<ImportReport> ImportTicketsAsync(Stream stream, string fileName, DeviceIdentity? device, CancellationToken cancellationToken) =>
        ImportAsync(stream, fileName, ImportKind.Tickets, EventKind.WeighTicket, TicketColumns, device, cancellationToken);

    /// <summary>Imports a pickups CSV (columns <c>event_id,time,vehicle_plate,site_code,category,estimated_kg</c>, optional <c>bin_id,longitude,latitude,datum</c>).</summary>
    /// <param name="stream">The file.</param>
    /// <param name="fileName">The name used in problems and event sources.</param>
    /// <param name="device">The vehicle unit or office the file is for; null for <see cref="OfficeFor"/>.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    /// <returns>The report: inserted = pickups stored now, unchanged = pickups stored before; or every problem and nothing stored.</returns>
    public Task<ImportReport> ImportPickupsAsync(Stream stream, string fileName, DeviceIdentity? device, CancellationToken cancellationToken) =>
        ImportAsync(stream, fileName, ImportKind.Pickups, EventKind.Pickup, PickupColumns, device, cancellationToken);

    private async Task<ImportReport> ImportAsync(
        Stream stream, string fileName, ImportKind importKind, EventKind eventKind, Column[] columns, DeviceIdentity? device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var problems = new List<ImportProblem>();
        var table = await CsvTable.ReadAsync(stream, fileName, columns.Where(c => c.Required).Select(c => c.Name).ToList(), problems, cancellationToken);
        if (table is null || problems.Count > 0)
        {
            return new ImportReport(fileName, importKind, table?.Rows.Count ?? 0, 0, 0, 0, problems);
        }

        var rows = table.Rows;
        var events = new List<IncomingEvent>(rows.Count);
        foreach (var row in rows)
        {
            events.Add(new IncomingEvent(eventKind, ToJson(table, row, columns), fileName + ":" + row.Line.ToString(CultureInfo.InvariantCulture)));
        }

        if (events.Count == 0)
        {
            return new ImportReport(fileName, importKind, 0, 0, 0, 0, []);
        }

        var results = await intake.SubmitFileAsync(device ?? OfficeFor(importKind), events, cancellationToken);
        foreach (var result in results)
        {
            if (result.Outcome is IntakeOutcome.Accepted or IntakeOutcome.Duplicate || result.ReasonCode == "file-rejected")
            {
                continue;
            }

            var row = rows[result.Index];
            var column = ColumnNamed(result.Reason, columns);
            var code = result.ReasonCode ?? "rejected";
            var why = new Why(code + "：" + (result.ReasonZh ?? result.Reason ?? string.Empty), code + ": " + (result.Reason ?? string.Empty));
            problems.Add(column is null ? why.At(fileName, row.Line, 0, null) : table.Problem(row, column.Name, why));
        }

        if (problems.Count > 0 || results.Any(r => r.Outcome is IntakeOutcome.Rejected or IntakeOutcome.Conflict))
        {
            if (problems.Count == 0)
            {
                problems.Add(new Why("文件被拒收", "the intake refused the file").At(fileName, 0, 0, null));
            }

            return new ImportReport(fileName, importKind, rows.Count, 0, 0, 0, problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());
        }

        return new ImportReport(fileName, importKind, rows.Count,
            results.Count(r => r.Outcome == IntakeOutcome.Accepted), 0, results.Count(r => r.Outcome == IntakeOutcome.Duplicate), []);
    }

    /// <summary>The row as the event's JSON object: empty cells are left out, numbers written as numbers when they read as such.</summary>
    private static byte[] ToJson(CsvTable table, CsvRow row, Column[] columns)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var point = columns.Where(c => c.Member.StartsWith("point.", StringComparison.Ordinal) && table.Get(row, c.Name).Length > 0).ToList();
            foreach (var column in columns.Where(c => !c.Member.StartsWith("point.", StringComparison.Ordinal)))
            {
                Write(writer, column, table.Get(row, column.Name));
            }

            if (point.Count > 0)
            {
                writer.WriteStartObject("point");
                foreach (var column in point)
                {
                    Write(writer, column with { Member = column.Member["point.".Length..] }, table.Get(row, column.Name));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, Column column, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        switch (column.Type)
        {
            case ValueType.Number when decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumber(column.Member, number);
                break;
            case ValueType.CategoryOrStream when !Enum.TryParse<WasteCategory>(value, ignoreCase: true, out _) && Enum.TryParse<SpecialStream>(value, ignoreCase: true, out var stream) && !int.TryParse(value, out _):
                writer.WriteString(column.StreamMember!, stream.ToString());
                break;
            default:
                writer.WriteString(column.Member, value);
                break;
        }
    }

    /// <summary>The column whose JSON member the intake's reason names (<c>$.grossKg</c>, <c>$.point.latitude</c>…), or null.</summary>
    private static Column? ColumnNamed(string? reason, Column[] columns)
    {
        if (reason is null)
        {
            return null;
        }

        // Longest member first, so that $.point.latitude is not taken for $.point.
        return columns
            .SelectMany(c => new[] { (Column: c, Member: c.Member), (Column: c, Member: c.StreamMember ?? c.Member) })
            .OrderByDescending(m => m.Member.Length)
            .FirstOrDefault(m => reason.Contains("$." + m.Member, StringComparison.Ordinal)).Column;
    }

    private enum ValueType
    {
        Text,
        Number,
        CategoryOrStream,
    }

    private sealed record Column(string Name, string Member, ValueType Type, bool Required, string? StreamMember = null);
}
