using CitySort.Collection;
using CitySort.Collection.Violations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Services;

/// <summary>
/// Runs the violation evaluations in the background: as an <see cref="ICommittedEventSink"/> it queues each committed
/// batch without blocking the intake and re-evaluates what it touched, taking every batch queued meanwhile together
/// (each vehicle-day touched by any of them is evaluated once, from the store, so the result equals one evaluation per
/// batch while the cost follows the evaluations' pace, not the commits'). Under a sustained stream it rests after each
/// pass for as long as the pass took (at most <see cref="PacedBatchEvaluator.MaxRest"/>; <see cref="PacedBatchEvaluator"/>), so the live checks take at most half of one
/// core and never starve the intake; a finding is stored at most about twice a pass's time after its event. At each day's clearance time (setting
/// <c>planning.shiftEnd</c>) it runs the day-end evaluation of that day, and once on start for the last day whose
/// clearance time has passed (a run missed while the server was down). Failures are logged, never thrown at the intake.
/// </summary>
internal sealed class ViolationWorker(
    ViolationService violations, RegistryReadiness readiness, TimeProvider time, ILogger<ViolationWorker> logger) : BackgroundService, ICommittedEventSink
{
    private readonly PacedBatchEvaluator pacer = new(violations.EvaluateBatchAsync, time, logger);

    /// <inheritdoc />
    public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken)
    {
        pacer.Add(batch);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
            await Task.WhenAll(pacer.RunAsync(stoppingToken), DayEndAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
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
