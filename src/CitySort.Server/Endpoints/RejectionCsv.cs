using System.Globalization;
using System.Text;
using CitySort.Collection;

namespace CitySort.Server.Endpoints;

/// <summary>
/// Writes the rejection list as CSV (RFC 4180) for a spreadsheet. A cell that a spreadsheet could read as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a leading apostrophe, so
/// device-supplied text is shown, never evaluated.
/// </summary>
internal static class RejectionCsv
{
    /// <summary>The header row's column names.</summary>
    public static readonly string[] Columns = ["id", "receivedAt", "deviceId", "source", "eventId", "outcome", "reasonCode", "reason", "reasonZh", "payload", "clientId", "droppedCount"];

    /// <summary>The CSV text of <paramref name="rows"/>, header first, lines ended by CRLF.</summary>
    /// <param name="rows">The rejections.</param>
    public static string Write(IEnumerable<RejectionRecord> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] cells =
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), r.DeviceId, r.Source, r.EventId,
                r.Outcome.ToString(), r.ReasonCode, r.Reason, r.ReasonZh, r.Payload, r.ClientId, r.DroppedCount.ToString(CultureInfo.InvariantCulture),
            ];
            text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One cell: neutralised if it could be a formula, quoted when it holds a comma, quote or line break.</summary>
    /// <param name="value">The cell's text.</param>
    public static string Cell(string? value)
    {
        var cell = value ?? string.Empty;
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
