using System.Text;
using CitySort.Collection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitySort.Tests.Collection;

/// <summary>
/// The doors' refusals are stored, but bounded (docs/events.md, "Refusals at the doors"): at most 10 a minute per
/// client and 600 a minute in all one by one; the rest counted into one summary row per client when the minute ends.
/// </summary>
public sealed class DoorRefusalRecorderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DoorRefusal BadLogin(DateTimeOffset at, string deviceId, string clientId) => new(
        at, deviceId, clientId, "mqtt:connect", null, null,
        new EventProblem(ReasonCodes.WrongSecret, "The key is not this device's key.", "密钥与此设备不符。"),
        Encoding.UTF8.GetBytes("{\"clientId\":\"" + clientId + "\"}"));

    [Fact]
    public async Task A_flood_of_bad_logins_from_one_client_stores_ten_a_minute_and_one_summary_with_the_count_of_the_rest()
    {
        await using var host = await CollectionHost.SqliteAsync();
        await AssertFloodAsync(host);
    }

    [Fact]
    public async Task A_flood_of_bad_logins_is_bounded_the_same_on_postgresql()
    {
        await using var host = await CollectionHost.PostgreSqlAsync();
        await AssertFloodAsync(host);
    }

    private static async Task AssertFloodAsync(CollectionHost host)
    {
        await using var recorder = new DoorRefusalRecorder(host.Store, host.Clock, NullLogger<DoorRefusalRecorder>.Instance);
        var start = host.Clock.GetUtcNow();

        // 25 refused logins of one client within the minute: 10 stored (PerClientPerMinute), 25 − 10 = 15 counted.
        for (var i = 0; i < 25; i++)
        {
            recorder.Record(BadLogin(start, "truck-x", "flood-1"));
        }

        await recorder.FlushAsync(Ct);
        var during = await host.Store.ReadRejectionsAsync(new RejectionQuery(DeviceId: "truck-x"), Ct);
        // The minute ends: the recorder's timer (every 5 s of its clock) writes the summary.
        host.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        await WaitForAsync(async () => (await host.Store.ReadRejectionsAsync(new RejectionQuery(DeviceId: "truck-x"), Ct)).Count > 10);
        var after = await host.Store.ReadRejectionsAsync(new RejectionQuery(DeviceId: "truck-x"), Ct);

        Assert.Equal(10, during.Count);
        Assert.All(during, r => Assert.Equal(ReasonCodes.WrongSecret, r.ReasonCode));
        var summary = Assert.Single(after, r => r.ReasonCode == ReasonCodes.RefusalsDropped);
        Assert.Equal(15, summary.DroppedCount);
        Assert.Equal("flood-1", summary.ClientId);
        Assert.Equal(15, recorder.DroppedCount);
    }

    [Fact]
    public async Task Refusals_of_many_clients_beyond_six_hundred_a_minute_are_counted_into_one_summary()
    {
        await using var host = await CollectionHost.SqliteAsync();
        var start = host.Clock.GetUtcNow();
        await using (var recorder = new DoorRefusalRecorder(host.Store, host.Clock, NullLogger<DoorRefusalRecorder>.Instance))
        {
            // 650 clients once each: 600 stored (PerMinute), 650 − 600 = 50 counted under "(many)".
            for (var i = 0; i < 650; i++)
            {
                recorder.Record(BadLogin(start, "dev-" + i, "client-" + i));
            }

            // Disposing closes the minute and writes its summaries.
        }

        var stored = await host.Store.ReadRejectionsAsync(new RejectionQuery(Limit: 10_000), Ct);
        Assert.Equal(600, stored.Count(r => r.ReasonCode == ReasonCodes.WrongSecret));
        var summary = Assert.Single(stored, r => r.ReasonCode == ReasonCodes.RefusalsDropped);
        Assert.Equal(DoorRefusalRecorder.ManyClients, summary.DeviceId);
        Assert.Equal(50, summary.DroppedCount);
    }

    [Fact]
    public async Task A_new_minute_stores_the_clients_refusals_again()
    {
        await using var host = await CollectionHost.SqliteAsync();
        await using var recorder = new DoorRefusalRecorder(host.Store, host.Clock, NullLogger<DoorRefusalRecorder>.Instance);
        var start = host.Clock.GetUtcNow();

        // 12 in one minute (10 stored, 2 counted), 3 in the next (all stored): 10 + 3 = 13 rows of the reason, and
        // the first minute's summary of 2.
        for (var i = 0; i < 12; i++)
        {
            recorder.Record(BadLogin(start, "truck-y", "c"));
        }

        for (var i = 0; i < 3; i++)
        {
            recorder.Record(BadLogin(start.AddMinutes(1), "truck-y", "c"));
        }

        await recorder.FlushAsync(Ct);
        var stored = await host.Store.ReadRejectionsAsync(new RejectionQuery(DeviceId: "truck-y"), Ct);
        Assert.Equal(13, stored.Count(r => r.ReasonCode == ReasonCodes.WrongSecret));
        Assert.Equal(2, Assert.Single(stored, r => r.ReasonCode == ReasonCodes.RefusalsDropped).DroppedCount);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 30 s");
            await Task.Delay(10, Ct);
        }
    }
}
