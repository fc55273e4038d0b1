using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Audit;

/// <summary>
/// Records a change that does not go through a tracked EF Core record (a user's roles kept by another store, a bulk
/// removal): <see cref="Add"/> puts the entry in a context so it is saved in that context's transaction with the change;
/// <see cref="RecordAsync"/> writes it alone. Changes saved through EF Core are recorded without this
/// (<see cref="AuditSaveChangesInterceptor"/>).
/// </summary>
/// <param name="contextFactory">Creates database contexts.</param>
/// <param name="actors">Who makes the change.</param>
/// <param name="clock">The clock.</param>
public sealed class AuditRecorder(IDbContextFactory<CitySortDbContext> contextFactory, IAuditActorSource actors, TimeProvider clock)
{
    /// <summary>Adds an entry to <paramref name="db"/>; it is written by that context's next save, in its transaction.</summary>
    /// <param name="db">The context that saves the change.</param>
    /// <param name="action">What was done, e.g. <c>demo-removed</c>, <c>role-granted</c>.</param>
    /// <param name="entity">What kind of record, e.g. <c>User</c>.</param>
    /// <param name="key">The record's key.</param>
    /// <param name="before">The record before (serialised as JSON), or null.</param>
    /// <param name="after">The record after (serialised as JSON), or null.</param>
    /// <returns>The entry added.</returns>
    public AuditEntry Add(CitySortDbContext db, string action, string entity, string key, object? before, object? after)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        ArgumentNullException.ThrowIfNull(key);
        var actor = actors.Current;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().ToUniversalTime(),
            Actor = actor.Name.Length <= AuditEntry.MaxActorLength ? actor.Name : actor.Name[..AuditEntry.MaxActorLength],
            Origin = actor.Origin.Length <= AuditEntry.MaxOriginLength ? actor.Origin : actor.Origin[..AuditEntry.MaxOriginLength],
            Action = action,
            Entity = entity,
            Key = key,
            BeforeJson = AuditJson.Of(before),
            AfterJson = AuditJson.Of(after),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Writes one entry now, in a transaction of its own (for users and roles: the sign-in store calls this).</summary>
    /// <param name="action">What was done, e.g. <c>user-added</c>, <c>role-granted</c>, <c>locked-out</c>.</param>
    /// <param name="entity">What kind of record, e.g. <c>User</c>.</param>
    /// <param name="key">The record's key (the user name).</param>
    /// <param name="before">The record before, or null (never a password or its hash).</param>
    /// <param name="after">The record after, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The entry written, with its <see cref="AuditEntry.Id"/>.</returns>
    public async Task<AuditEntry> RecordAsync(string action, string entity, string key, object? before, object? after, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entry = Add(db, action, entity, key, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }
}
