using System.Collections.Concurrent;
using System.Text.Json;
using CitySort.Collection;

namespace CitySort.Testing;

/// <summary>
/// A stand-in for the stored intake that records every call, for testing the doors alone. Its answers follow the
/// contract of <see cref="IEventIntake"/> in the small: an event whose <c>eventId</c> the same device sent before with
/// the same bytes is a duplicate, with other bytes a conflict; a payload over <see cref="IEventIntake.MaxPayloadBytes"/>
/// is rejected <c>too-large</c>, one that is not a JSON object with such an id <c>malformed</c>; a file with
/// any refusal stores nothing. <see cref="Hold"/> keeps every submission from returning until <see cref="Release"/>.
/// </summary>
public sealed class RecordingIntake : IEventIntake
{
    private readonly ConcurrentDictionary<(string DeviceId, string EventId), byte[]> _stored = new();
    private readonly ConcurrentQueue<Submission> _submissions = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource? _hold;
    private int _returned;

    /// <summary>Every call so far, in call order.</summary>
    public IReadOnlyList<Submission> Submissions => _submissions.ToArray();

    /// <summary>Every event submitted so far, with its device, in call order.</summary>
    public IReadOnlyList<(DeviceIdentity Device, IncomingEvent Event)> Events =>
        _submissions.SelectMany(s => s.Events.Select(e => (s.Device, e))).ToArray();

    /// <summary>How many submissions have returned their results.</summary>
    public int Returned => Volatile.Read(ref _returned);

    /// <summary>How many distinct events are stored.</summary>
    public int StoredCount => _stored.Count;

    /// <summary>Makes later submissions wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held submissions return.</summary>
    public void Release()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IntakeResult>> SubmitAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count > IEventIntake.MaxBatchSize)
        {
            throw new ArgumentException("too many events", nameof(events));
        }

        _submissions.Enqueue(new Submission(device, events, File: false));
        await WaitForReleaseAsync(cancellationToken);
        var results = events.Select((e, i) => Apply(device, e, i, store: true)).ToList();
        Interlocked.Increment(ref _returned);
        return results;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IntakeResult>> SubmitFileAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        _submissions.Enqueue(new Submission(device, events, File: true));
        await WaitForReleaseAsync(cancellationToken);
        var trial = events.Select((e, i) => Apply(device, e, i, store: false)).ToList();
        var refused = trial.Any(r => r.Outcome is IntakeOutcome.Rejected or IntakeOutcome.Conflict);
        IReadOnlyList<IntakeResult> results = refused
            ? trial.Select(r => r.Outcome == IntakeOutcome.Accepted ? r with { Outcome = IntakeOutcome.Rejected, ReasonCode = "file-rejected", Reason = "another row was refused", ReasonZh = "另有行被拒" } : r).ToList()
            : events.Select((e, i) => Apply(device, e, i, store: true)).ToList();
        Interlocked.Increment(ref _returned);
        return results;
    }

    private async Task WaitForReleaseAsync(CancellationToken cancellationToken)
    {
        Task? wait;
        lock (_gate)
        {
            wait = _hold?.Task;
        }

        if (wait is not null)
        {
            await wait.WaitAsync(cancellationToken);
        }
    }

    private IntakeResult Apply(DeviceIdentity device, IncomingEvent incoming, int index, bool store)
    {
        var bytes = incoming.Utf8Json.ToArray();
        if (bytes.Length > IEventIntake.MaxPayloadBytes)
        {
            return new IntakeResult(index, null, IntakeOutcome.Rejected, "too-large", "the payload is too large", "载荷过大");
        }

        string? eventId = null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("eventId", out var id) || document.RootElement.TryGetProperty("ticketId", out id))
                && id.ValueKind == JsonValueKind.String)
            {
                eventId = id.GetString();
            }
        }
        catch (JsonException)
        {
            // Malformed: answered below.
        }

        if (eventId is null)
        {
            var member = incoming.Kind == EventKind.WeighTicket ? "$.ticketId" : "$.eventId";
            return new IntakeResult(index, null, IntakeOutcome.Rejected, "malformed", member + ": the event has no event id", member + "：事件缺少编号");
        }

        var key = (device.DeviceId, eventId);
        if (_stored.TryGetValue(key, out var before))
        {
            return before.AsSpan().SequenceEqual(bytes)
                ? new IntakeResult(index, eventId, IntakeOutcome.Duplicate)
                : new IntakeResult(index, eventId, IntakeOutcome.Conflict, "conflict", "the event id was sent before with other content", "该事件编号此前以不同内容发送过");
        }

        if (store)
        {
            _stored.TryAdd(key, bytes);
        }

        return new IntakeResult(index, eventId, IntakeOutcome.Accepted);
    }

    /// <summary>One call to the intake.</summary>
    /// <param name="Device">The device it was for.</param>
    /// <param name="Events">The events, in order.</param>
    /// <param name="File">True for <see cref="SubmitFileAsync"/>.</param>
    public sealed record Submission(DeviceIdentity Device, IReadOnlyList<IncomingEvent> Events, bool File);
}
