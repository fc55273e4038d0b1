namespace CitySort.Audit;

/// <summary>Who makes a change and from where, as the audit trail records it (<see cref="AuditEntry.Actor"/>, <see cref="AuditEntry.Origin"/>).</summary>
/// <param name="Name">The actor: a user's name, <c>cli:&lt;OS user&gt;</c>, <c>anonymous</c> or <c>system</c>.</param>
/// <param name="Origin">Where from: a remote address, <c>cli</c> or <c>server</c>.</param>
public sealed record AuditActor(string Name, string Origin)
{
    /// <summary>The server's own background work (the violation check, the demo city's seeding on start).</summary>
    public static AuditActor System { get; } = new("system", "server");

    /// <summary>The user running the command-line tool: <c>cli:&lt;OS user&gt;</c> from <c>cli</c>.</summary>
    public static AuditActor CommandLine { get; } = new("cli:" + Environment.UserName, "cli");
}
