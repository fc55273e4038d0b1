using System.Threading.Channels;
using CitySort.Collection;
using CitySort.Collection.Violations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Runs the violation evaluations in the background: as an <see cref="ICommittedEventSink"/> it queues each committed
/// batch without blocking the intake and re-evaluates what it touched; at each day's clearance time (setting
/// <c>planning.shiftEnd</c>) it runs the day-end evaluation of that day, and once on start for the last day whose
/// clearance time has passed (a run missed while the server was down). Failures are logged, never thrown at the intake.
/// </summary>
internal sealed class ViolationWorker(
    ViolationService violations, RegistryReadiness readiness, TimeProvider time, ILogger<ViolationWorker> logger) : BackgroundService, ICommittedEventSink
{
    private readonly Channel<CommittedBatch> batches = Channel.CreateUnbounded<CommittedBatch>(new UnboundedChannelOptions { SingleReader = true });

    /// <inheritdoc />
    public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken)
    {
        batches.Writer.TryWrite(batch);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
            await Task.WhenAll(DrainAsync(stoppingToken), DayEndAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in batches.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await violations.EvaluateBatchAsync(batch, stoppingToken);
            }
#pragma warning disable CA1031 // A failed evaluation must not stop the worker; the next batch or the day-end run repeats it.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Evaluating violations for a batch of {Count} event(s) failed", batch.Accepted.Count);
            }
        }
    }

    private async Task DayEndAsync(CancellationToken stoppingToken)
    {
        var day = violations.Rules.LastClearedDay(time.GetUtcNow());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await violations.EvaluateDayAsync(day, stoppingToken);
                logger.LogInformation(
                    "Day-end violation check of {Day:yyyy-MM-dd}: {Vehicles} vehicle(s), {Due} due site(s), {Open} open of {Total}{Note}",
                    day, result.VehicleCount, result.DueSiteCount, result.OpenCount, result.TotalCount, result.Judged ? string.Empty : " (no pickups reported: day-end kinds not judged)");
            }
#pragma warning disable CA1031 // A failed day-end run is logged; the next one runs at the next clearance time.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "The day-end violation check of {Day:yyyy-MM-dd} failed", day);
            }

            var next = violations.Rules.NextClearanceInstant(time.GetUtcNow());
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            day = violations.Rules.LastClearedDay(time.GetUtcNow());
        }
    }
}
