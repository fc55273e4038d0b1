using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CitySort.Audit;

/// <summary>
/// Writes the audit trail of every change saved through EF Core (issue 12 item 3): for each added, changed or deleted
/// record of an audited kind (<see cref="IsAudited"/>) one <see cref="AuditEntry"/> with the actor of
/// <see cref="IAuditActorSource"/>, the time of the <see cref="TimeProvider"/>, the key and the record before and
/// after, in the same transaction as the change. When the caller has no transaction open, one is opened around the
/// save and its audit rows, so a change is never stored without its trail nor the trail without the change.
/// </summary>
/// <remarks>
/// Registry imports and edits (divisions, communities, sites and bins, facilities, haulers, vehicles, dedicated lines
/// and their stops, registry settings), daily plans (the plan rows; their trips and stops are parts of the plan),
/// violations (found, confirmed, dismissed; evidence rows are parts), devices (added, revoked) and whatever else is
/// added later go through here. Events and rollups do not: they have their own store and are evidence themselves.
/// </remarks>
/// <param name="actors">Who makes the change.</param>
/// <param name="clock">The clock.</param>
public sealed class AuditSaveChangesInterceptor(IAuditActorSource actors, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NotAudited = new(StringComparer.Ordinal)
    {
        nameof(AuditEntry), "PlannedTrip", "PlannedStop", "UnservedSite", "ViolationEvidence",
    };

    // A change of these alone is not a change of the record (a violation found again by the next evaluation).
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "EvaluatedAt" };

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    /// <summary>Whether changes of the entity type named <paramref name="entityName"/> are written to the trail.</summary>
    /// <param name="entityName">The CLR type name, e.g. <c>Site</c>.</param>
    /// <returns>True for every kind but the trail itself and the parts of plans and violations.</returns>
    public static bool IsAudited(string entityName) => !NotAudited.Contains(entityName);

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Begin(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnedTransaction = eventData.Context.Database.BeginTransaction();
        }

        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Begin(eventData.Context) is { } pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            pending.OwnedTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            pending.Writing = true;
            try
            {
                AddEntries(context, pending);
                context.SaveChanges();
                pending.OwnedTransaction?.Commit();
            }
            finally
            {
                End(context, pending);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            pending.Writing = true;
            try
            {
                AddEntries(context, pending);
                await context.SaveChangesAsync(cancellationToken);
                if (pending.OwnedTransaction is { } transaction)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                End(context, pending);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            End(context, pending);
        }
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private Pending? Begin(DbContext? context)
    {
        if (context is null || _pending.TryGetValue(context, out _))
        {
            return null;
        }

        var captured = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata.ClrType.Name))
            .Where(e => e.State != EntityState.Modified || e.Properties.Any(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)))
            .Select(e => new Captured(
                e,
                e.State,
                e.State == EntityState.Added ? null : AuditJson.Of(e.OriginalValues),
                e.State == EntityState.Deleted ? KeyOf(e) : null))
            .ToList();
        if (captured.Count == 0)
        {
            return null;
        }

        var pending = new Pending(captured);
        _pending.Add(context, pending);
        return pending;
    }

    private void AddEntries(DbContext context, Pending pending)
    {
        var actor = actors.Current;
        var at = clock.GetUtcNow().ToUniversalTime();
        foreach (var c in pending.Entries)
        {
            context.Add(new AuditEntry
            {
                At = at,
                Actor = Truncate(actor.Name, AuditEntry.MaxActorLength),
                Origin = Truncate(actor.Origin, AuditEntry.MaxOriginLength),
                Action = c.State switch
                {
                    EntityState.Added => "added",
                    EntityState.Deleted => "deleted",
                    _ => "modified",
                },
                Entity = c.Entry.Metadata.ClrType.Name,
                Key = c.DeletedKey ?? KeyOf(c.Entry),
                BeforeJson = c.BeforeJson,
                AfterJson = c.State == EntityState.Deleted ? null : AuditJson.Of(c.Entry.CurrentValues),
            });
        }
    }

    private void End(DbContext context, Pending pending)
    {
        _pending.Remove(context);
        pending.OwnedTransaction?.Dispose();
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record Captured(EntityEntry Entry, EntityState State, string? BeforeJson, string? DeletedKey);

    private sealed class Pending(List<Captured> entries)
    {
        public List<Captured> Entries { get; } = entries;

        public bool Writing { get; set; }

        public IDbContextTransaction? OwnedTransaction { get; set; }
    }
}
