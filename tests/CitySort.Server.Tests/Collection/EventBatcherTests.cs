using System.Collections.Concurrent;
using System.Text;
using CitySort.Collection;
using CitySort.Server.Mqtt;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// The MQTT door's batcher: an MQTT session hands over one QoS 1 message at a time, so a commit carries many events
/// only when it gathers the messages of many connections. The batcher hands each batch to the intake without waiting
/// for the previous one's commit (the intake's writer commits every submission queued meanwhile together, in the order
/// they were made), at most <see cref="EventBatcher.MaxInFlight"/> at once; the messages beyond that wait and go to
/// the intake in one call, one part per device; each message is answered with its own event's result only after its
/// call returned.
/// </summary>
public sealed class EventBatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DeviceIdentity Truck(string plate) => new("obu-" + plate, DeviceKind.Vehicle, plate);

    private static IncomingEvent Fix(string id) => new(EventKind.GpsFix, Encoding.UTF8.GetBytes($$"""{"eventId":"{{id}}"}"""), "test");

    private static async Task WaitForCallsAsync(HeldIntake intake, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (intake.Calls.Count < count)
        {
            Assert.False(timeout.IsCancellationRequested, $"only {intake.Calls.Count} of {count} calls reached the intake");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_batch_goes_to_the_intake_while_the_previous_one_is_still_being_committed_and_neither_is_answered_before_its_call_returns()
    {
        var intake = new HeldIntake();
        await using var batcher = new EventBatcher(intake, TimeSpan.Zero, TimeProvider.System);
        var first = batcher.SubmitAsync(Truck("A"), Fix("a1"), Ct);
        await WaitForCallsAsync(intake, 1);

        // The first call is held (its commit has not returned); a second device's message still reaches the intake.
        var second = batcher.SubmitAsync(Truck("B"), Fix("b1"), Ct);
        await WaitForCallsAsync(intake, 2);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        intake.Release();
        var answers = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal([["obu-A:a1"], ["obu-B:b1"]], intake.Calls.ToArray());
        Assert.Equal(["a1", "b1"], answers.Select(a => a.EventId));
        Assert.All(answers, a => Assert.Equal(IntakeOutcome.Accepted, a.Outcome));
    }

    [Fact]
    public async Task Messages_beyond_the_calls_in_flight_wait_and_go_to_the_intake_in_one_call_with_one_part_per_device()
    {
        var intake = new HeldIntake();
        await using var batcher = new EventBatcher(intake, TimeSpan.Zero, TimeProvider.System);
        var held = new List<Task<IntakeResult>>();
        for (var i = 0; i < EventBatcher.MaxInFlight; i++)
        {
            held.Add(batcher.SubmitAsync(Truck("A"), Fix("a" + i), Ct));
            await WaitForCallsAsync(intake, i + 1);
        }

        // Every call the batcher may have in flight is held: these four wait in the batcher.
        var queued = new[]
        {
            batcher.SubmitAsync(Truck("B"), Fix("b1"), Ct),
            batcher.SubmitAsync(Truck("C"), Fix("c1"), Ct),
            batcher.SubmitAsync(Truck("B"), Fix("b2"), Ct),
            batcher.SubmitAsync(Truck("D"), Fix("d1"), Ct),
        };
        Assert.All(queued, t => Assert.False(t.IsCompleted));
        intake.Release();
        var answers = await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var calls = intake.Calls.ToArray();
        Assert.Equal(EventBatcher.MaxInFlight + 1, calls.Length);
        // One call, one part per device in order of first arrival, each device's messages in arrival order.
        Assert.Equal(["obu-B:b1,b2", "obu-C:c1", "obu-D:d1"], calls[^1]);
        Assert.Equal(["b1", "c1", "b2", "d1"], answers.Select(a => a.EventId));
        Assert.All(answers, a => Assert.Equal(0, a.Index));
    }

    /// <summary>Records each <see cref="IEventIntake.SubmitManyAsync"/> call as "device:id,id" per part; holds every call until <see cref="Release"/>.</summary>
    private sealed class HeldIntake : IEventIntake
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string[]> Calls { get; } = new();

        public void Release() => released.TrySetResult();

        public async Task<IReadOnlyList<IReadOnlyList<IntakeResult>>> SubmitManyAsync(IReadOnlyList<DeviceBatch> batches, CancellationToken cancellationToken)
        {
            Calls.Enqueue(batches.Select(b => b.Device.DeviceId + ":" + string.Join(",", b.Events.Select(Id))).ToArray());
            await released.Task.WaitAsync(cancellationToken);

            return batches.Select(b => (IReadOnlyList<IntakeResult>)b.Events.Select((e, i) => new IntakeResult(i, Id(e), IntakeOutcome.Accepted)).ToArray()).ToArray();
        }

        public Task<IReadOnlyList<IntakeResult>> SubmitAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the batcher submits through SubmitManyAsync");

        public Task<IReadOnlyList<IntakeResult>> SubmitFileAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the batcher submits no files");

        private static string Id(IncomingEvent e) => Encoding.UTF8.GetString(e.Utf8Json.Span)["{\"eventId\":\"".Length..^2];
    }
}
