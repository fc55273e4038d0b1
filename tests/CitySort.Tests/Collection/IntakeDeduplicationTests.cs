using System.Collections.Concurrent;
using CitySort.Collection;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

/// <summary>
/// Idempotence by (device id, event id) on both stores (issue 9: "a redelivered event is applied once; the same id with
/// different content is a conflict, rejected and stored, never overwriting the first"), within one batch, across
/// batches, and across the devices of one <see cref="IEventIntake.SubmitManyAsync"/> call.
/// </summary>
public sealed class IntakeDeduplicationTests
{
    private static readonly DateOnly Day = new(2015, 12, 1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => new("sqlite", "postgresql");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_id_twice_in_one_batch_is_stored_and_counted_once(string provider)
    {
        await using var host = await OnAsync(provider);
        var json = Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m);

        var results = await host.Intake.SubmitAsync(TruckDevice(OtherTruck), [Json(json, EventKind.Pickup), Json(json, EventKind.Pickup)], Token);

        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Duplicate], results.Select(r => r.Outcome));
        Assert.Single(await host.Reader.ReadDayAsync(Day, null, Token));
        // One pickup of 400 kg, not two of 800 kg.
        var rollup = Assert.Single(await host.Store.ReadDailyAsync(Day, Day, Token));
        Assert.Equal((1L, 400m), (rollup.PickupCount, rollup.PickupEstimatedKg));
        Assert.Empty(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_id_with_other_content_in_one_batch_is_a_conflict_and_the_first_is_kept(string provider)
    {
        await using var host = await OnAsync(provider);
        var first = Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 400m);
        var other = Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 900m);

        var results = await host.Intake.SubmitAsync(TruckDevice(OtherTruck), [Json(first, EventKind.Pickup), Json(other, EventKind.Pickup)], Token);

        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Conflict], results.Select(r => r.Outcome));
        Assert.Equal(ReasonCodes.Conflict, results[1].ReasonCode);
        var stored = Assert.IsType<PickupEvent>(Assert.Single(await host.Reader.ReadDayAsync(Day, null, Token)));
        Assert.Equal(400m, stored.EstimatedKg);
        Assert.Equal(400m, Assert.Single(await host.Store.ReadDailyAsync(Day, Day, Token)).PickupEstimatedKg);
        var rejection = Assert.Single(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token));
        Assert.Equal((IntakeOutcome.Conflict, "P-1"), (rejection.Outcome, rejection.EventId));
        Assert.Contains("900", rejection.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_batch_of_new_duplicate_and_conflicting_events_answers_each_against_the_stored_ones(string provider)
    {
        await using var host = await OnAsync(provider);
        var device = TruckDevice(OtherTruck);
        await host.Intake.SubmitAsync(device,
        [
            Json(Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 100m), EventKind.Pickup),
            Json(Pickup("P-2", OtherTruck, "LC-1", "Other", "2015-12-01T07:40:00+08:00", 200m), EventKind.Pickup),
        ], Token);

        var results = await host.Intake.SubmitAsync(device,
        [
            Json(Pickup("P-3", OtherTruck, "LC-2", "Other", "2015-12-01T07:50:00+08:00", 300m), EventKind.Pickup),
            Json(Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 100m), EventKind.Pickup),
            Json(Pickup("P-2", OtherTruck, "LC-2", "Other", "2015-12-01T07:40:00+08:00", 200m), EventKind.Pickup),
            Json(Pickup("P-4", OtherTruck, "LC-2", "Other", "2015-12-01T08:00:00+08:00", 400m), EventKind.Pickup),
        ], Token);

        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Duplicate, IntakeOutcome.Conflict, IntakeOutcome.Accepted], results.Select(r => r.Outcome));
        // Stored: P-1 100 kg and P-2 200 kg at LC-1, P-3 300 kg and P-4 400 kg at LC-2; the conflicting P-2 at LC-2 is not.
        var stored = (await host.Reader.ReadDayAsync(Day, null, Token)).Cast<PickupEvent>().ToList();
        Assert.Equal(["P-1/LC-1", "P-2/LC-1", "P-3/LC-2", "P-4/LC-2"], stored.Select(p => p.EventId + "/" + p.SiteCode).Order(StringComparer.Ordinal));
        // 100 + 200 + 300 + 400 = 1000 kg in 4 pickups.
        var rollup = Assert.Single(await host.Store.ReadDailyAsync(Day, Day, Token));
        Assert.Equal((4L, 1000m), (rollup.PickupCount, rollup.PickupEstimatedKg));
        Assert.Equal("P-2", Assert.Single(await host.Store.ReadRejectionsAsync(new RejectionQuery(), Token)).EventId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Several_devices_submitted_together_are_committed_in_one_transaction_each_with_its_own_ids(string provider)
    {
        var sink = new RecordingSink();
        await using var host = await OnAsync(provider, sink);

        var results = await host.Intake.SubmitManyAsync(
        [
            new DeviceBatch(TruckDevice(OtherTruck), [Json(Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 100m), EventKind.Pickup)]),
            new DeviceBatch(TruckDevice(RecyclableTruck), [Json(Pickup("P-1", RecyclableTruck, "LC-1", "Recyclable", "2015-12-01T07:35:00+08:00", 20m), EventKind.Pickup)]),
            new DeviceBatch(TruckDevice(OtherTruck), [Json(Pickup("P-1", OtherTruck, "LC-1", "Other", "2015-12-01T07:30:00+08:00", 100m), EventKind.Pickup)]),
        ], Token);

        // The same id from two devices is two events; the third part repeats the first device's P-1.
        Assert.Equal([IntakeOutcome.Accepted, IntakeOutcome.Accepted, IntakeOutcome.Duplicate], results.Select(r => Assert.Single(r).Outcome));
        var batch = await sink.First.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.Equal([TruckDevice(OtherTruck).DeviceId, TruckDevice(RecyclableTruck).DeviceId], batch.Accepted.Select(e => e.DeviceId));
        Assert.Equal(1, sink.Count);
        Assert.Equal(2, (await host.Reader.ReadDayAsync(Day, null, Token)).Count);
    }

    private sealed class RecordingSink : ICommittedEventSink
    {
        private readonly ConcurrentQueue<CommittedBatch> batches = new();

        public TaskCompletionSource<CommittedBatch> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => batches.Count;

        public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken)
        {
            batches.Enqueue(batch);
            First.TrySetResult(batch);
            return ValueTask.CompletedTask;
        }
    }
}
