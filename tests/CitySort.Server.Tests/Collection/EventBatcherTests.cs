using System.Collections.Concurrent;
using System.Text;
using CitySort.Collection;
using CitySort.Server.Mqtt;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// The MQTT door's batcher: an MQTT session hands over one QoS 1 message at a time, so a commit carries many events
/// only when it gathers the messages of many connections; they must reach the intake in one call (one commit), and
/// each message must still be answered with its own event's result, after that call returned.
/// </summary>
public sealed class EventBatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DeviceIdentity Truck(string plate) => new("obu-" + plate, DeviceKind.Vehicle, plate);

    private static IncomingEvent Fix(string id) => new(EventKind.GpsFix, Encoding.UTF8.GetBytes($$"""{"eventId":"{{id}}"}"""), "test");

    [Fact]
    public async Task Messages_of_several_devices_queued_during_a_commit_go_to_the_intake_in_one_call()
    {
        var intake = new HeldIntake();
        await using var batcher = new EventBatcher(intake, TimeSpan.Zero, TimeProvider.System);
        var first = batcher.SubmitAsync(Truck("A"), Fix("a1"), Ct);
        await intake.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // While the first call is held, three devices send four messages.
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
        await first.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var calls = intake.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(["obu-A:a1"], calls[0]);
        // One call, one part per device in order of first arrival, each device's messages in arrival order.
        Assert.Equal(["obu-B:b1,b2", "obu-C:c1", "obu-D:d1"], calls[1]);
        Assert.Equal(["b1", "c1", "b2", "d1"], answers.Select(a => a.EventId));
        Assert.All(answers, a => Assert.Equal(0, a.Index));
    }

    /// <summary>Records each <see cref="IEventIntake.SubmitManyAsync"/> call as "device:id,id" per part; holds the first call until <see cref="Release"/>.</summary>
    private sealed class HeldIntake : IEventIntake
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string[]> Calls { get; } = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => released.TrySetResult();

        public async Task<IReadOnlyList<IReadOnlyList<IntakeResult>>> SubmitManyAsync(IReadOnlyList<DeviceBatch> batches, CancellationToken cancellationToken)
        {
            Calls.Enqueue(batches.Select(b => b.Device.DeviceId + ":" + string.Join(",", b.Events.Select(Id))).ToArray());
            if (Entered.TrySetResult())
            {
                await released.Task.WaitAsync(cancellationToken);
            }

            return batches.Select(b => (IReadOnlyList<IntakeResult>)b.Events.Select((e, i) => new IntakeResult(i, Id(e), IntakeOutcome.Accepted)).ToArray()).ToArray();
        }

        public Task<IReadOnlyList<IntakeResult>> SubmitAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the batcher submits through SubmitManyAsync");

        public Task<IReadOnlyList<IntakeResult>> SubmitFileAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the batcher submits no files");

        private static string Id(IncomingEvent e) => Encoding.UTF8.GetString(e.Utf8Json.Span)["{\"eventId\":\"".Length..^2];
    }
}
