using CitySort.Collection;
using CitySort.Collection.Violations;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CitySort.Tests.Collection.CollectionHost;

namespace CitySort.Tests.Collection;

/// <summary>The real intake and event store feeding the violation service through a committed batch.</summary>
public sealed class IntakeToViolationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_injected_mixing_through_the_intake_becomes_a_violation_naming_the_stored_event()
    {
        var told = new BatchSink();
        await using var host = await SqliteAsync(told);
        var factory = new ServiceCollection().AddCitySortStorage(host.Database.Options).BuildServiceProvider().GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        var violations = new ViolationService(factory, host.Reader, host.Profile, host.Clock);

        // 浙C10001 is dedicated to other waste (W96-C3) and picks up recyclables (W96-C1) at LC-1: W96-K5.
        var result = await host.SubmitOneAsync(TruckDevice(OtherTruck), EventKind.Pickup, Pickup("P-9", OtherTruck, "LC-1", "Recyclable", "2015-12-01T08:12:00+08:00", 12m));
        var batch = await told.First.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        await violations.EvaluateBatchAsync(batch, Token);
        await violations.EvaluateBatchAsync(batch, Token); // the same batch told twice changes nothing

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        var stored = Assert.Single(await violations.ListAsync(new ViolationQuery(Kind: ViolationKind.MixedDedicatedVehicle), Token));
        Assert.Equal((OtherTruck, "LC-1", "W96-K5"), (stored.VehiclePlate, stored.SiteCode, stored.ClauseId));
        var evidence = await violations.EvidenceEventsAsync(stored, Token);
        var pickup = Assert.IsType<PickupEvent>(Assert.Single(evidence));
        Assert.Equal(("P-9", TruckDevice(OtherTruck).DeviceId, 12m), (pickup.EventId, pickup.DeviceId, pickup.EstimatedKg));
    }

    private sealed class BatchSink : ICommittedEventSink
    {
        public TaskCompletionSource<CommittedBatch> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken)
        {
            First.TrySetResult(batch);
            return ValueTask.CompletedTask;
        }
    }
}
