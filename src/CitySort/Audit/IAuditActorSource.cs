namespace CitySort.Audit;

/// <summary>Tells the audit trail who is making the change being saved now (the request's user, the CLI user, the server).</summary>
public interface IAuditActorSource
{
    /// <summary>The actor of the change being made on the calling flow.</summary>
    AuditActor Current { get; }
}
