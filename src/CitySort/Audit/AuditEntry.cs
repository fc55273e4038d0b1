namespace CitySort.Audit;

/// <summary>
/// One row of the audit trail (table <c>AuditEntries</c>, issue 12 item 3): who changed what, when, from where, and the
/// record before and after. Append-only: the database refuses every update and delete of the table (triggers on SQLite
/// and PostgreSQL), and no code path changes a stored row.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Longest actor name kept (<see cref="Actor"/>).</summary>
    public const int MaxActorLength = 200;

    /// <summary>Longest origin kept (<see cref="Origin"/>).</summary>
    public const int MaxOriginLength = 100;

    /// <summary>Row number, given by the database in the order the rows were written.</summary>
    public long Id { get; set; }

    /// <summary>When the change was made (UTC, from the <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>
    /// Who made it: the signed-in user's name, <c>cli:&lt;OS user&gt;</c> for a command of the command-line tool,
    /// <c>anonymous</c> for a request without sign-in, <c>system</c> for the server's own background work.
    /// </summary>
    public required string Actor { get; set; }

    /// <summary>From where: the request's remote address, <c>cli</c> for the command-line tool, <c>server</c> for background work.</summary>
    public required string Origin { get; set; }

    /// <summary>What was done: <c>added</c>, <c>modified</c> or <c>deleted</c> for a stored record, or a named action such as <c>demo-removed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What kind of record: the entity's name, e.g. <c>Site</c>, <c>Vehicle</c>, <c>Violation</c>, <c>Device</c>, <c>User</c>.</summary>
    public required string Entity { get; set; }

    /// <summary>The record's key (site code, plate, violation id, …; parts of a composite key joined by <c>/</c>).</summary>
    public required string Key { get; set; }

    /// <summary>The record before the change as a JSON object of its stored fields, or null for an addition.</summary>
    public string? BeforeJson { get; set; }

    /// <summary>The record after the change as a JSON object of its stored fields, or null for a deletion.</summary>
    public string? AfterJson { get; set; }
}
