using System.Globalization;
using System.Text;
using CitySort.Exports;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Audit;

/// <summary>
/// Reads the audit trail for the administrators' view and export, newest first. There is no method that changes or
/// removes an entry, here or anywhere; the database refuses it too.
/// </summary>
/// <param name="contextFactory">Creates database contexts.</param>
public sealed class AuditLog(IDbContextFactory<CitySortDbContext> contextFactory)
{
    /// <summary>The most rows one export holds.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>The CSV header's column names.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = ["id", "at", "actor", "origin", "action", "entity", "key", "before", "after"];

    /// <summary>One page of the entries matching <paramref name="query"/>, newest first.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="page">Page number from 1.</param>
    /// <param name="pageSize">Entries per page, 1..500.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries of the page and the number matching.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="page"/> or <paramref name="pageSize"/> is out of range.</exception>
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> ListAsync(AuditQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filter(db, query);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// The entries matching <paramref name="query"/> as CSV (RFC 4180, header first, CRLF, newest first, at most
    /// <see cref="MaxExportRows"/>); every text cell that a spreadsheet could read as a formula starts with an
    /// apostrophe (<see cref="ExportCell"/>).
    /// </summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The CSV text.</returns>
    public async Task<string> ExportCsvAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db, query).OrderByDescending(e => e.Id).Take(MaxExportRows).ToListAsync(cancellationToken);
        var text = new StringBuilder();
        text.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] cells =
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.At.ToString("O", CultureInfo.InvariantCulture), r.Actor, r.Origin, r.Action, r.Entity, r.Key,
                r.BeforeJson, r.AfterJson,
            ];
            text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return text.ToString();
    }

    private static IQueryable<AuditEntry> Filter(CitySortDbContext db, AuditQuery query)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Entity))
        {
            rows = rows.Where(e => e.Entity == query.Entity);
        }

        if (!string.IsNullOrEmpty(query.Key))
        {
            rows = rows.Where(e => e.Key == query.Key);
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            rows = rows.Where(e => e.Actor == query.Actor);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(e => e.At < to);
        }

        return rows;
    }

    private static string Cell(string? value)
    {
        var cell = ExportCell.Neutralise(value);
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
