namespace CitySort.Audit;

/// <summary>An actor source that always names the same actor: <see cref="AuditActor.CommandLine"/> for the command-line tool (the default).</summary>
/// <param name="actor">The actor to name.</param>
public sealed class FixedAuditActorSource(AuditActor actor) : IAuditActorSource
{
    /// <inheritdoc />
    public AuditActor Current => actor;
}
