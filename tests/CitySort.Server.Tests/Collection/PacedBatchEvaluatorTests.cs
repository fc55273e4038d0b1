using System.Collections.Concurrent;
using CitySort.Collection;
using CitySort.Server.Services;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// The pacing of the live violation checks (docs/violations.md, <see cref="PacedBatchEvaluator"/>): batches committed
/// during a pass are evaluated together in the next pass, and under a sustained stream the next pass waits for as long
/// as the previous one took, at most <see cref="PacedBatchEvaluator.MaxRest"/>, on the injected clock (a fake one here,
/// advanced by the test, so nothing depends on the machine's speed).
/// </summary>
public sealed class PacedBatchEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CollectionEvent Finding(string id) =>
        new InspectionFindingEvent(id, "insp-1", Start, false, "S1", "Inspector Li", "W96-K5", null, null);

    private static CommittedBatch Batch(string id, int rejected, DateOnly day) => new([Finding(id)], rejected, [day]);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, what);
            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>An evaluation that records each pass (its batch and the fake clock at its start) and takes <see cref="PassTime"/> on that clock; the first pass is held until released.</summary>
    private sealed class Recorder(FakeTimeProvider clock)
    {
        private readonly TaskCompletionSource firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<(CommittedBatch Batch, DateTimeOffset StartedAt)> Passes { get; } = new();

        public TimeSpan PassTime { get; init; }

        public void ReleaseFirst() => firstHeld.TrySetResult();

        public async Task EvaluateAsync(CommittedBatch batch, CancellationToken cancellationToken)
        {
            Passes.Enqueue((batch, clock.GetUtcNow()));
            if (Passes.Count == 1)
            {
                await firstHeld.Task.WaitAsync(cancellationToken);
            }

            clock.Advance(PassTime);
        }
    }

    [Fact]
    public async Task Batches_committed_during_a_pass_are_evaluated_together_in_the_next_pass()
    {
        var clock = new FakeTimeProvider(Start);
        var recorder = new Recorder(clock) { PassTime = TimeSpan.Zero };
        var pacer = new PacedBatchEvaluator(recorder.EvaluateAsync, clock, NullLogger.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = pacer.RunAsync(stop.Token);
        var day1 = new DateOnly(2015, 6, 1);
        var day2 = new DateOnly(2015, 6, 2);

        pacer.Add(Batch("a", 0, day1));
        await WaitUntilAsync(() => recorder.Passes.Count == 1, "the first pass did not start");
        pacer.Add(Batch("b", 2, day2));
        pacer.Add(Batch("c", 1, day1));
        pacer.Add(Batch("d", 0, day2));
        recorder.ReleaseFirst();
        await WaitUntilAsync(() => recorder.Passes.Count == 2, "the second pass did not start");

        var second = recorder.Passes.ToArray()[1].Batch;
        // The three batches queued during the first pass: their events in commit order, 2 + 1 + 0 = 3 rejections,
        // days {06-01, 06-02} each once.
        Assert.Equal(["b", "c", "d"], second.Accepted.Select(e => e.EventId));
        Assert.Equal(3, second.RejectedCount);
        Assert.Equal([day1, day2], second.BusinessDays);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Theory]
    [InlineData(500, 500)]
    [InlineData(5000, 2000)]
    public async Task Under_a_sustained_stream_the_next_pass_waits_as_long_as_the_last_pass_took_at_most_two_seconds(int passMs, int restMs)
    {
        var clock = new FakeTimeProvider(Start);
        var recorder = new Recorder(clock) { PassTime = TimeSpan.FromMilliseconds(passMs) };
        var pacer = new PacedBatchEvaluator(recorder.EvaluateAsync, clock, NullLogger.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = pacer.RunAsync(stop.Token);
        var day = new DateOnly(2015, 6, 1);

        pacer.Add(Batch("a", 0, day));
        await WaitUntilAsync(() => recorder.Passes.Count == 1, "the first pass did not start");
        pacer.Add(Batch("b", 0, day));
        recorder.ReleaseFirst();
        // The first pass ends at Start + passMs; the fake clock stands still until the test moves it.
        var firstEnd = Start.AddMilliseconds(passMs);
        await WaitUntilAsync(() => clock.GetUtcNow() == firstEnd, "the first pass did not end");
        clock.Advance(TimeSpan.FromMilliseconds(restMs - 1));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => recorder.Passes.Count == 2, "the second pass did not start after the rest");

        // Rest = min(pass time, 2 s): 500 ms after a 500 ms pass, 2 000 ms after a 5 000 ms pass; the second pass
        // cannot start before the clock reached the end of the rest.
        var secondStart = recorder.Passes.ToArray()[1].StartedAt;
        Assert.Equal(firstEnd.AddMilliseconds(restMs), secondStart);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Fact]
    public async Task A_batch_arriving_after_a_pass_with_nothing_queued_is_evaluated_without_a_rest()
    {
        var clock = new FakeTimeProvider(Start);
        var recorder = new Recorder(clock) { PassTime = TimeSpan.FromSeconds(1) };
        recorder.ReleaseFirst();
        var pacer = new PacedBatchEvaluator(recorder.EvaluateAsync, clock, NullLogger.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = pacer.RunAsync(stop.Token);
        var day = new DateOnly(2015, 6, 1);

        pacer.Add(Batch("a", 0, day));
        await WaitUntilAsync(() => clock.GetUtcNow() == Start.AddSeconds(1), "the first pass did not end");
        pacer.Add(Batch("b", 0, day));
        await WaitUntilAsync(() => recorder.Passes.Count == 2, "the second pass did not start without the clock moving");

        // Nothing was queued when the first pass ended, so no rest: the second starts at Start + 1 s, the clock unmoved.
        Assert.Equal(Start.AddSeconds(1), recorder.Passes.ToArray()[1].StartedAt);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }
}
