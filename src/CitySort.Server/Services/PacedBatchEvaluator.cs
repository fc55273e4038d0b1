using System.Threading.Channels;
using CitySort.Collection;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// The pacing of the live violation checks (docs/violations.md): committed batches are queued without blocking the
/// intake; each pass takes every batch queued meanwhile together (their accepted events in commit order, their
/// rejection counts summed, their business days united), and when more batches are waiting after a pass it rests for
/// as long as that pass took, at most <see cref="MaxRest"/>, on the given clock, so the checks take at most about half
/// of one core under a sustained stream. A failing pass is logged and the next one goes on.
/// </summary>
internal sealed class PacedBatchEvaluator(Func<CommittedBatch, CancellationToken, Task> evaluate, TimeProvider time, ILogger logger)
{
    /// <summary>The longest rest between two passes under a sustained stream.</summary>
    public static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(2);

    private readonly Channel<CommittedBatch> batches = Channel.CreateUnbounded<CommittedBatch>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a committed batch for the next pass; never waits.</summary>
    /// <param name="batch">The committed batch.</param>
    public void Add(CommittedBatch batch) => batches.Writer.TryWrite(batch);

    /// <summary>Runs the passes until <paramref name="stoppingToken"/> is cancelled.</summary>
    /// <param name="stoppingToken">Stops the loop (throws <see cref="OperationCanceledException"/>).</param>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var first in batches.Reader.ReadAllAsync(stoppingToken))
        {
            var batch = first;
            if (batches.Reader.TryRead(out var next))
            {
                var accepted = new List<CollectionEvent>(first.Accepted);
                var rejected = first.RejectedCount;
                var days = new SortedSet<DateOnly>(first.BusinessDays);
                do
                {
                    accepted.AddRange(next.Accepted);
                    rejected += next.RejectedCount;
                    days.UnionWith(next.BusinessDays);
                }
                while (batches.Reader.TryRead(out next));
                batch = new CommittedBatch(accepted, rejected, days.ToArray());
            }

            var started = time.GetTimestamp();
            try
            {
                await evaluate(batch, stoppingToken);
            }
#pragma warning disable CA1031 // A failed evaluation must not stop the loop; the next batch or the day-end run repeats it.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Evaluating violations for a batch of {Count} event(s) failed", batch.Accepted.Count);
            }

            var rest = time.GetElapsedTime(started);
            if (rest > TimeSpan.Zero && batches.Reader.TryPeek(out _))
            {
                await Task.Delay(rest < MaxRest ? rest : MaxRest, time, stoppingToken);
            }
        }
    }
}
