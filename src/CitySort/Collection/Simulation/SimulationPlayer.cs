using System.Text;

namespace CitySort.Collection.Simulation;

/// <summary>
/// Plays a <see cref="SimulatedDay"/> through an <see cref="ISimulationPublisher"/> at a speed-up of the simulated
/// clock: a message published at simulated offset Δ from the day's first goes out Δ ÷ speed after the start. Up to
/// <see cref="MaxInFlight"/> publishes wait for their acknowledgement at once. Bounded: it stops after
/// <c>maxEvents</c> messages or <c>maxDuration</c> of real time, whichever comes first.
/// </summary>
/// <param name="publisher">Where the messages go.</param>
/// <param name="time">The real clock.</param>
public sealed class SimulationPlayer(ISimulationPublisher publisher, TimeProvider time)
{
    /// <summary>Publishes awaiting their acknowledgement at once.</summary>
    public const int MaxInFlight = 64;

    /// <summary>Plays the day.</summary>
    /// <param name="day">The generated day.</param>
    /// <param name="speed">How many simulated seconds pass per real second (≥ 1; 60 plays an hour in a minute).</param>
    /// <param name="maxEvents">The most messages to publish (≥ 1).</param>
    /// <param name="maxDuration">The most real time to play.</param>
    /// <param name="progress">Told after each publish.</param>
    /// <param name="cancellationToken">Stops the run (reported as <see cref="SimulationStop.Cancelled"/>).</param>
    /// <returns>What was published and why it stopped.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The speed is under 1 or the event limit under 1.</exception>
    public async Task<SimulationRun> PlayAsync(
        SimulatedDay day, double speed, int maxEvents, TimeSpan maxDuration, IProgress<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        var started = time.GetTimestamp();
        var total = Math.Min(day.Messages.Count, maxEvents);
        var published = 0;
        var failed = 0;
        var faults = 0;
        var stop = SimulationStop.Finished;
        using var window = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var pending = new List<Task>();
        if (day.Messages.Count == 0)
        {
            return new SimulationRun(0, 0, stop, TimeSpan.Zero);
        }

        var origin = day.Messages[0].PublishAt;
        try
        {
            foreach (var message in day.Messages)
            {
                if (published >= maxEvents)
                {
                    stop = SimulationStop.MaxEvents;
                    break;
                }

                var due = TimeSpan.FromSeconds((message.PublishAt - origin).TotalSeconds / speed);
                var elapsed = time.GetElapsedTime(started);
                if (due > maxDuration)
                {
                    await Task.Delay(Positive(maxDuration - elapsed), time, cancellationToken);
                    stop = SimulationStop.MaxDuration;
                    break;
                }

                if (due > elapsed)
                {
                    await Task.Delay(due - elapsed, time, cancellationToken);
                }

                await window.WaitAsync(cancellationToken);
                published++;
                if (message.Fault is not null)
                {
                    faults++;
                }

                var clock = message.PublishAt;
                pending.Add(SendAsync(message));
                pending.RemoveAll(t => t.IsCompleted);
                progress?.Report(new SimulationProgress(published, total, Volatile.Read(ref failed), clock, faults));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stop = SimulationStop.Cancelled;
        }

        await Task.WhenAll(pending);
        return new SimulationRun(published, failed, stop, time.GetElapsedTime(started));

        async Task SendAsync(SimulatedMessage message)
        {
            try
            {
                var answered = message.Kind == SimulatedMessageKind.Login
                    ? await publisher.LoginAsync(message.LoginUsername ?? string.Empty, message.LoginPassword ?? string.Empty, CancellationToken.None)
                    : await publisher.PublishAsync(message.Topic, Encoding.UTF8.GetBytes(message.Payload), CancellationToken.None);
                if (!answered)
                {
                    Interlocked.Increment(ref failed);
                }
            }
#pragma warning disable CA1031 // A publish that fails is counted and the day goes on; the summary reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                window.Release();
            }
        }
    }

    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;
}
