using System.Threading.Channels;
using CitySort.Collection;

namespace CitySort.Server.Mqtt;

/// <summary>
/// Gathers the MQTT messages that arrive together, from all connections, into one
/// <see cref="IEventIntake.SubmitManyAsync"/> call with one part per device, and hands each call to the intake without
/// waiting for the previous one's commit (at most <see cref="MaxInFlight"/> calls at once): the intake's writer commits
/// every submission queued while it was committing the previous ones together (group commit), and decides them in the
/// order the batcher made them. So the writer is never idle while messages wait, and a commit carries every message that
/// arrived during the previous commit: with devices that each wait for their PUBACK (one QoS 1 message in flight per
/// MQTT session) a commit carries about one message per device, without a linger that would only add latency. A batch
/// takes every queued message (up to <see cref="IEventIntake.MaxBatchSize"/>), then lingers for more for the configured
/// time (default none). Each caller's task completes with its own event's result only after its batch's submission
/// returned, i.e. after the commit, so an acknowledgement awaiting it still follows the commit.
/// </summary>
internal sealed class EventBatcher : IAsyncDisposable
{
    private readonly IEventIntake _intake;
    private readonly TimeSpan _linger;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight, MaxInFlight);

    /// <summary>
    /// The most submissions handed to the intake and not yet answered. Bounds the work queued at the intake when the
    /// store falls behind; the messages beyond it wait in the batcher and join the next batch.
    /// </summary>
    public const int MaxInFlight = 8;

    /// <summary>Starts the batcher.</summary>
    /// <param name="intake">The intake to submit to.</param>
    /// <param name="linger">How long to wait for more messages after the first of a batch (zero: take what is queued).</param>
    /// <param name="clock">The clock of the linger.</param>
    public EventBatcher(IEventIntake intake, TimeSpan linger, TimeProvider clock)
    {
        _intake = intake;
        _linger = linger;
        _clock = clock;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Queues one event and completes with its result after its batch was submitted.</summary>
    /// <param name="device">The device it came from.</param>
    /// <param name="incoming">The event.</param>
    /// <param name="cancellationToken">Stops waiting (the event may still be submitted).</param>
    /// <returns>The intake's result for the event (its <see cref="IntakeResult.Index"/> is 0).</returns>
    /// <exception cref="Exception">Whatever the intake threw for the event's batch.</exception>
    public Task<IntakeResult> SubmitAsync(DeviceIdentity device, IncomingEvent incoming, CancellationToken cancellationToken)
    {
        var pending = new Pending(device, incoming, new TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventBatcher));
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (_queue.Reader.TryRead(out var left))
        {
            left.Result.TrySetCanceled();
        }

        _stopping.Dispose();
        _inFlight.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var submissions = new List<Task>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                await _inFlight.WaitAsync(cancellationToken);
                var batch = new List<Pending>();
                Drain(batch);
                if (_linger > TimeSpan.Zero && batch.Count < IEventIntake.MaxBatchSize)
                {
                    using var timeout = new CancellationTokenSource(_linger, _clock);
                    using var linger = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                    try
                    {
                        while (batch.Count < IEventIntake.MaxBatchSize && await _queue.Reader.WaitToReadAsync(linger.Token))
                        {
                            Drain(batch);
                        }
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The linger is over: submit what came.
                    }
                }

                // Not awaited: the next batch is made (and queued at the intake, behind this one) while this one is
                // committed. The intake's SubmitManyAsync takes its place in the writer's queue when it is called.
                submissions.RemoveAll(t => t.IsCompleted);
                submissions.Add(SubmitBatchAsync(batch, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what was handed to the intake is answered by it; what is left in the queue is cancelled on dispose.
        }

        await Task.WhenAll(submissions);
    }

    private void Drain(List<Pending> batch)
    {
        while (batch.Count < IEventIntake.MaxBatchSize && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task SubmitBatchAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            await SubmitGroupsAsync(batch, cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task SubmitGroupsAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        // One part per device, in the order each device's first message arrived; within a device, arrival order. All
        // devices go to the intake in one call, so that they share one commit (a device's MQTT session hands over one
        // QoS 1 message at a time, so the batch is made of many devices' messages).
        var groups = batch.GroupBy(p => p.Device).Select(g => g.ToList()).ToList();
        try
        {
            var results = await _intake.SubmitManyAsync(groups.Select(g => new DeviceBatch(g[0].Device, g.Select(p => p.Event).ToList())).ToList(), cancellationToken);
            for (var g = 0; g < groups.Count; g++)
            {
                for (var i = 0; i < groups[g].Count; i++)
                {
                    groups[g][i].Result.TrySetResult(results[g][i] with { Index = 0 });
                }
            }
        }
#pragma warning disable CA1031 // The failure belongs to the callers, who must not acknowledge.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var item in batch)
            {
                item.Result.TrySetException(e);
            }
        }
    }

    private sealed record Pending(DeviceIdentity Device, IncomingEvent Event, TaskCompletionSource<IntakeResult> Result);
}
