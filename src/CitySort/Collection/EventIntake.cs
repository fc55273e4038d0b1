using System.Data.Common;
using System.Threading.Channels;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CitySort.Collection;

/// <summary>
/// The intake (DESIGN.md, "Intake is the only door for events"): each caller's events are parsed and validated on the
/// caller's own thread, then queued to one writer that takes every queued submission together (group commit), decides
/// per event accepted / duplicate / conflict by (device id, event id) and content hash, and writes the events, their
/// rollups and the rejections in one transaction. The keys are claimed set-wise (an insert that skips stored keys);
/// only the keys it skipped are read back, to tell a duplicate from a conflict, so a batch of new events costs no
/// per-event lookup. Each caller is answered after that commit; the registered
/// <see cref="ICommittedEventSink"/>s are told afterwards, on their own loop, so a slow or failing sink never holds up
/// or breaks intake.
/// </summary>
public sealed class EventIntake : IEventIntake, IAsyncDisposable
{
    /// <summary>
    /// The most events a commit takes beyond its first submission (which is always taken whole). Small enough that,
    /// with several HTTP batches in flight, the writer commits some while the next ones are still being parsed and
    /// validated on their callers' threads (before, one commit took every batch in flight, so the writer and the
    /// callers took turns and neither overlapped the other); large enough that a commit's fixed cost (its sync)
    /// stays small beside its rows'. One MQTT round of a city's fleet (one message per device) fits in one commit.
    /// </summary>
    internal const int MaxEventsPerCommit = IEventIntake.MaxBatchSize;
    private const int MaxAttempts = 3;
    private readonly CollectionEventStore store;
    private readonly RegistrySnapshotSource registry;
    private readonly TimeProvider clock;
    private readonly CollectionOptions options;
    private readonly ICommittedEventSink[] sinks;
    private readonly ILogger<EventIntake> logger;
    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<CommittedBatch> published = Channel.CreateUnbounded<CommittedBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly Task writer;
    private readonly Task publisher;
    private int disposed;

    /// <summary>Creates the intake and starts its writer.</summary>
    /// <param name="store">The event store.</param>
    /// <param name="registry">The registry snapshot source.</param>
    /// <param name="clock">The clock (plausibility of device times, receipt times).</param>
    /// <param name="options">Plausibility limits.</param>
    /// <param name="sinks">Told of each commit.</param>
    /// <param name="logger">Logs failing sinks and failed commits.</param>
    public EventIntake(
        CollectionEventStore store,
        RegistrySnapshotSource registry,
        TimeProvider clock,
        CollectionOptions options,
        IEnumerable<ICommittedEventSink> sinks,
        ILogger<EventIntake> logger)
    {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.options = options;
        this.sinks = sinks.ToArray();
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
        publisher = Task.Run(PublishLoopAsync);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IntakeResult>> SubmitAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > IEventIntake.MaxBatchSize)
        {
            throw new ArgumentException($"A batch takes at most {IEventIntake.MaxBatchSize} events; this one has {events.Count}.", nameof(events));
        }

        return SubmitCoreAsync(device, events, allOrNothing: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<IntakeResult>>> SubmitManyAsync(IReadOnlyList<DeviceBatch> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        foreach (var batch in batches)
        {
            ArgumentNullException.ThrowIfNull(batch);
            ArgumentNullException.ThrowIfNull(batch.Device);
            ArgumentNullException.ThrowIfNull(batch.Events);
            if (batch.Events.Count > IEventIntake.MaxBatchSize)
            {
                throw new ArgumentException($"A batch takes at most {IEventIntake.MaxBatchSize} events; one has {batch.Events.Count}.", nameof(batches));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (batches.Count == 0)
        {
            return [];
        }

        // The submission takes its place in the writer's queue now, before it is prepared, so that submissions made one
        // after the other are decided in that order even while several are being prepared (the MQTT batcher does not
        // wait for one commit before it submits the next batch).
        var work = new Work(cancellationToken);
        if (!queue.Writer.TryWrite(work))
        {
            throw new ObjectDisposedException(nameof(EventIntake), "The intake is shutting down.");
        }

        try
        {
            var parts = new Part[batches.Count];
            var snapshot = await registry.GetAsync(cancellationToken);
            for (var b = 0; b < batches.Count; b++)
            {
                Prepared[] prepared;
                (prepared, snapshot) = await PrepareAllAsync(batches[b].Device, batches[b].Events, snapshot, cancellationToken);
                parts[b] = new Part(batches[b].Device, prepared);
            }

            work.SetPrepared(parts);
        }
        catch (Exception e)
        {
            work.FailPreparation(e);
            throw;
        }

        return await work.Done.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IntakeResult>> SubmitFileAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return SubmitCoreAsync(device, events, allOrNothing: true, cancellationToken);
    }

    /// <summary>Stops taking work, finishes what is queued, and stops the sinks' loop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        published.Writer.TryComplete();
        await stopping.CancelAsync();
        await publisher.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task<IReadOnlyList<IntakeResult>> SubmitCoreAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, bool allOrNothing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0)
        {
            return [];
        }

        var (prepared, _) = await PrepareAllAsync(device, events, await registry.GetAsync(cancellationToken), cancellationToken);
        var results = await EnqueueAsync(new Work([new Part(device, prepared)], allOrNothing, cancellationToken));
        return results[0];
    }

    /// <summary>Parses, validates and hashes a device's events on the caller's thread (a registry miss refreshes the snapshot once).</summary>
    private async Task<(Prepared[] Prepared, RegistrySnapshot Snapshot)> PrepareAllAsync(
        DeviceIdentity device, IReadOnlyList<IncomingEvent> events, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var prepared = new Prepared[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (p, missed) = Prepare(events[i], device, snapshot, now);
            if (missed)
            {
                var fresher = await registry.AfterMissAsync(snapshot, cancellationToken);
                if (!ReferenceEquals(fresher, snapshot))
                {
                    snapshot = fresher;
                    (p, _) = Prepare(events[i], device, snapshot, now);
                }
            }

            prepared[i] = p;
        }

        return (prepared, snapshot);
    }

    private async Task<IReadOnlyList<IntakeResult>[]> EnqueueAsync(Work work)
    {
        if (!queue.Writer.TryWrite(work))
        {
            throw new ObjectDisposedException(nameof(EventIntake), "The intake is shutting down.");
        }

        return await work.Done.Task.ConfigureAwait(false);
    }

    private (Prepared Prepared, bool Missed) Prepare(IncomingEvent incoming, DeviceIdentity device, RegistrySnapshot snapshot, DateTimeOffset now)
    {
        var parsed = EventJsonParser.Parse(incoming, device);
        if (parsed.Problem is { } problem)
        {
            return (new Prepared(incoming, parsed.EventId, parsed.Kind, null, problem), false);
        }

        var e = parsed.Event!;
        if (EventValidator.Validate(e, device, snapshot, now, options) is { } invalid)
        {
            var missed = invalid.Code is ReasonCodes.UnknownVehicle or ReasonCodes.UnknownSite or ReasonCodes.UnknownBin or ReasonCodes.UnknownFacility;
            return (new Prepared(incoming, e.EventId, e.Kind, null, invalid), missed);
        }

        return (new Prepared(incoming, e.EventId, e.Kind, Derive(e, snapshot), null), false);
    }

    private static StoredEvent Derive(CollectionEvent e, RegistrySnapshot snapshot)
    {
        var hash = EventContentHash.Of(e);
        switch (e)
        {
            case PickupEvent p:
                var site = snapshot.Sites[p.SiteCode];
                return new StoredEvent(e, hash, site.DistrictCode, site.AreaCode, null, false, false);
            case WeighTicketEvent t:
                var vehicle = snapshot.Vehicles[t.VehiclePlate];
                var facility = snapshot.Facilities[t.FacilityCode];
                var sorted = SortedTransportRule.IsSorted(vehicle, t.DeclaredCategory, t.DeclaredStream, snapshot.ExistingHaulerCategories);
                return new StoredEvent(e, hash, vehicle.DistrictCode, vehicle.AreaCode, facility.Kind, sorted, facility.Treats(t.DeclaredCategory, t.DeclaredStream));
            case InspectionFindingEvent f:
                var inspected = snapshot.Sites[f.SiteCode];
                return new StoredEvent(e, hash, inspected.DistrictCode, inspected.AreaCode, null, false, false);
            default:
                return new StoredEvent(e, hash, string.Empty, string.Empty, null, false, false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var group = new List<Work>();
            var count = 0;
            while (reader.TryPeek(out var next))
            {
                if (!next.Prepared.IsCompleted)
                {
                    // A submission still being prepared holds its place: commit what is ready before it, or wait for it.
                    if (group.Count > 0)
                    {
                        break;
                    }

                    await next.Prepared.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                if (group.Count > 0 && (next.AllOrNothing || group[0].AllOrNothing || count + next.EventCount > MaxEventsPerCommit))
                {
                    break;
                }

                reader.TryRead(out _);
                if (!next.Prepared.IsCompletedSuccessfully)
                {
                    // Its caller has the preparation's exception; nothing of it is written.
                    next.Done.TrySetCanceled();
                    continue;
                }

                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Done.TrySetCanceled(next.CancellationToken);
                    continue;
                }

                group.Add(next);
                count += next.EventCount;
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitGroupAsync(List<Work> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (results, batch) = await WriteGroupAsync(group).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(results[i]);
                }

                if (sinks.Length > 0 && batch.Accepted.Count + batch.RejectedCount > 0)
                {
                    published.Writer.TryWrite(batch);
                }

                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsKeyRace(e))
            {
                // Another server stored one of these keys between our lookup and our write: decide again.
                store.ForgetPartitions();
            }
            catch (Exception e)
            {
                store.ForgetPartitions();
                logger.LogError(e, "An intake batch of {Count} submissions could not be committed", group.Count);
                foreach (var work in group)
                {
                    work.Done.TrySetException(e);
                }

                return;
            }
        }
    }

    private async Task<(IReadOnlyList<IntakeResult>[][] Results, CommittedBatch Batch)> WriteGroupAsync(List<Work> group)
    {
        var (connection, transaction) = await store.BeginAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var now = clock.GetUtcNow();

            // A file is always alone in its group; its keys are only looked up, so that a refused file leaves none behind.
            var allOrNothing = group[0].AllOrNothing;
            var keys = new HashSet<EventKey>();
            var firsts = new List<StoredEvent>();
            foreach (var part in group.SelectMany(w => w.Parts))
            {
                foreach (var p in part.Events)
                {
                    if (p.Stored is { } s && keys.Add(s.Key))
                    {
                        firsts.Add(s);
                    }
                }
            }

            // The stored hashes of the keys already stored; in the claim, every other first occurrence's key is now written.
            var stored = allOrNothing
                ? await store.LookupHashesAsync(transaction, keys, CancellationToken.None).ConfigureAwait(false)
                : await store.ClaimKeysAsync(transaction, firsts, now, CancellationToken.None).ConfigureAwait(false);
            var taken = new Dictionary<EventKey, string>();
            var accepted = new List<StoredEvent>();
            var rejections = new List<RejectionToStore>();
            var results = new IReadOnlyList<IntakeResult>[group.Count][];
            for (var g = 0; g < group.Count; g++)
            {
                var work = group[g];
                results[g] = new IReadOnlyList<IntakeResult>[work.Parts.Length];
                for (var w = 0; w < work.Parts.Length; w++)
                {
                    var part = work.Parts[w];
                    var answers = new IntakeResult[part.Events.Length];
                    var mine = new List<StoredEvent>();
                    var myRejections = new List<RejectionToStore>();
                    for (var i = 0; i < part.Events.Length; i++)
                    {
                        var p = part.Events[i];
                        if (p.Problem is { } problem)
                        {
                            answers[i] = new IntakeResult(i, p.EventId, IntakeOutcome.Rejected, problem.Code, problem.Reason, problem.ReasonZh);
                            myRejections.Add(new RejectionToStore(part.Device.DeviceId, p.Incoming.Source, p.EventId, p.Kind, IntakeOutcome.Rejected, problem, p.Incoming.Utf8Json));
                            continue;
                        }

                        var s = p.Stored!;
                        if (taken.TryGetValue(s.Key, out var hash) || stored.TryGetValue(s.Key, out hash))
                        {
                            if (string.Equals(hash, s.ContentHash, StringComparison.Ordinal))
                            {
                                answers[i] = new IntakeResult(i, p.EventId, IntakeOutcome.Duplicate);
                            }
                            else
                            {
                                var conflict = EventProblem.At(ReasonCodes.Conflict, "$.eventId",
                                    $"device {s.Key.DeviceId} sent event {s.Key.EventId} before with other content; the first is kept",
                                    $"设备 {s.Key.DeviceId} 此前已以不同内容发送事件 {s.Key.EventId}；保留首条");
                                answers[i] = new IntakeResult(i, p.EventId, IntakeOutcome.Conflict, conflict.Code, conflict.Reason, conflict.ReasonZh);
                                myRejections.Add(new RejectionToStore(part.Device.DeviceId, p.Incoming.Source, p.EventId, p.Kind, IntakeOutcome.Conflict, conflict, p.Incoming.Utf8Json));
                            }

                            continue;
                        }

                        taken[s.Key] = s.ContentHash;
                        answers[i] = new IntakeResult(i, p.EventId, IntakeOutcome.Accepted);
                        mine.Add(s);
                    }

                    if (work.AllOrNothing && myRejections.Count > 0)
                    {
                        var reason = new EventProblem(
                            ReasonCodes.FileRejected,
                            $"$: {myRejections.Count} other row(s) of the file were refused, so nothing of the file was stored",
                            $"$：文件中另有 {myRejections.Count} 条记录被拒，整个文件未入库");
                        for (var i = 0; i < answers.Length; i++)
                        {
                            if (answers[i].Outcome == IntakeOutcome.Accepted)
                            {
                                answers[i] = answers[i] with { Outcome = IntakeOutcome.Rejected, ReasonCode = reason.Code, Reason = reason.Reason, ReasonZh = reason.ReasonZh };
                            }
                        }

                        mine.Clear();
                    }

                    accepted.AddRange(mine);
                    rejections.AddRange(myRejections);
                    results[g][w] = answers;
                }
            }

            // One delta for the whole group: each rollup row changed by the group is upserted once.
            var delta = new RollupDelta();
            foreach (var s in accepted)
            {
                delta.Add(s);
            }

            await store.InsertEventsAsync(transaction, accepted, now, keysWritten: !allOrNothing, CancellationToken.None).ConfigureAwait(false);
            await store.InsertRejectionsAsync(transaction, rejections, now, CancellationToken.None).ConfigureAwait(false);
            await store.ApplyRollupsAsync(transaction, delta, CancellationToken.None).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            var batch = new CommittedBatch(
                accepted.Select(a => a.Event).ToArray(),
                rejections.Count,
                accepted.Select(a => a.Event.BusinessDay).Distinct().Order().ToArray());
            return (results, batch);
        }
    }

    private async Task PublishLoopAsync()
    {
        await foreach (var batch in published.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var sink in sinks)
            {
                try
                {
                    await sink.PublishAsync(batch, stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    logger.LogWarning(e, "The committed-event sink {Sink} failed; intake goes on", sink.GetType().Name);
                }
            }
        }
    }

    private static bool IsKeyRace(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e is SqliteException { SqliteErrorCode: 19 }
        || (e is DbException && e.InnerException is not null && IsKeyRace(e.InnerException));

    private sealed record Prepared(IncomingEvent Incoming, string? EventId, EventKind? Kind, StoredEvent? Stored, EventProblem? Problem);

    /// <summary>One device's prepared events within a submission.</summary>
    private sealed record Part(DeviceIdentity Device, Prepared[] Events);

    /// <summary>
    /// One submission: one part from <see cref="SubmitAsync"/> and files (queued once prepared), one per device from
    /// <see cref="SubmitManyAsync"/> (queued first, prepared afterwards: <see cref="Prepared"/> completes then).
    /// </summary>
    private sealed class Work
    {
        private readonly TaskCompletionSource prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A prepared submission.</summary>
        public Work(Part[] parts, bool allOrNothing, CancellationToken cancellationToken)
        {
            AllOrNothing = allOrNothing;
            CancellationToken = cancellationToken;
            SetPrepared(parts);
        }

        /// <summary>A submission queued before it is prepared (never all-or-nothing).</summary>
        public Work(CancellationToken cancellationToken)
        {
            CancellationToken = cancellationToken;
        }

        public Part[] Parts { get; private set; } = [];

        public int EventCount { get; private set; }

        public bool AllOrNothing { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Completes when <see cref="Parts"/> are set; faults when the preparation failed.</summary>
        public Task Prepared => prepared.Task;

        public TaskCompletionSource<IReadOnlyList<IntakeResult>[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void SetPrepared(Part[] parts)
        {
            Parts = parts;
            EventCount = parts.Sum(p => p.Events.Length);
            prepared.TrySetResult();
        }

        public void FailPreparation(Exception e) => prepared.TrySetException(e);
    }
}
