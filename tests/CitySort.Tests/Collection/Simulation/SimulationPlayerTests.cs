using CitySort.Collection.Simulation;

namespace CitySort.Tests.Collection.Simulation;

/// <summary>Playing a day: bounded in count, in order, every message published once.</summary>
public sealed class SimulationPlayerTests
{
    private static SimulatedDay Day(int count)
    {
        var start = new DateTimeOffset(2015, 12, 1, 5, 0, 0, TimeSpan.FromHours(8));
        var messages = Enumerable.Range(0, count)
            .Select(i => new SimulatedMessage(start.AddSeconds(i), "citysort/v1/vehicles/浙C00001/gps", "{\"eventId\":\"G" + i + "\"}", SimulatedMessageKind.GpsFix, "G" + i, "浙C00001", null, null, null, null, null))
            .ToList();
        return new SimulatedDay(new DateOnly(2015, 12, 1), messages, []);
    }

    [Fact]
    public async Task The_player_stops_at_the_event_limit()
    {
        var publisher = new Recorder();

        // 1e9 simulated seconds per real second: the 500 simulated seconds take half a microsecond of waiting.
        var run = await new SimulationPlayer(publisher, TimeProvider.System).PlayAsync(Day(500), 1e9, 120, TimeSpan.FromMinutes(5), null, TestContext.Current.CancellationToken);

        Assert.Equal((120, 0, SimulationStop.MaxEvents), (run.Published, run.Failed, run.Stop));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => "{\"eventId\":\"G" + i + "\"}").Order(), publisher.Payloads.Order());
    }

    [Fact]
    public async Task The_player_publishes_the_whole_day_and_counts_what_was_not_acknowledged()
    {
        var publisher = new Recorder { Refuse = p => p.Contains("\"G7\"", StringComparison.Ordinal) };

        var run = await new SimulationPlayer(publisher, TimeProvider.System).PlayAsync(Day(50), 1e9, 1000, TimeSpan.FromMinutes(5), null, TestContext.Current.CancellationToken);

        Assert.Equal((50, 1, SimulationStop.Finished), (run.Published, run.Failed, run.Stop));
        Assert.Equal(50, publisher.Payloads.Count);
    }

    [Fact]
    public async Task The_player_stops_at_the_time_limit_before_a_message_due_after_it()
    {
        var publisher = new Recorder();

        // At speed 1 the second message is due 1 s after the first; a 1 ms limit lets only the first go.
        var run = await new SimulationPlayer(publisher, TimeProvider.System).PlayAsync(Day(3), 1, 1000, TimeSpan.FromMilliseconds(1), null, TestContext.Current.CancellationToken);

        Assert.Equal((1, SimulationStop.MaxDuration), (run.Published, run.Stop));
    }

    private sealed class Recorder : ISimulationPublisher
    {
        private readonly Lock gate = new();

        public List<string> Payloads { get; } = [];

        public Func<string, bool> Refuse { get; init; } = _ => false;

        public ValueTask<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            var text = System.Text.Encoding.UTF8.GetString(payload.Span);
            lock (gate)
            {
                Payloads.Add(text);
            }

            return ValueTask.FromResult(!Refuse(text));
        }

        public ValueTask<bool> LoginAsync(string username, string password, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
