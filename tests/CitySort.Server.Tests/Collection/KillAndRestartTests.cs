using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MQTTnet;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// Durable before acknowledgement (issue 9, "an acknowledged event survives <c>kill -9</c> at any moment"): the real
/// <c>citysort serve</c> process takes a burst of events through MQTT (QoS 1) and <c>POST /api/events</c>, is killed
/// with SIGKILL at a seeded random moment in the middle of the burst, is started again on the same database, and
/// every event that was acknowledged before the kill is stored exactly once; sending the whole burst again adds
/// nothing that was stored. The seed is printed; <c>CITYSORT_KILL_SEED</c> repeats a run.
/// </summary>
public sealed class KillAndRestartTests : IDisposable
{
    private const int MqttPublishers = 4;
    private const int EventsPerPublisher = 400;
    private const int HttpPosters = 2;
    private const int BatchesPerPoster = 8;
    private const int EventsPerBatch = 100;
    private const int TotalEvents = (MqttPublishers * EventsPerPublisher) + (HttpPosters * BatchesPerPoster * EventsPerBatch);

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-kill-" + Guid.NewGuid().ToString("N"))).FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_event_acknowledged_before_a_SIGKILL_is_stored_exactly_once_after_the_restart_and_a_resend_adds_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CITYSORT_KILL_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        TestContext.Current.SendDiagnosticMessage($"kill-and-restart seed {seed} (CITYSORT_KILL_SEED={seed} repeats it)");
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}");
        var random = new Random(seed);
        // Kill once between a tenth and nine tenths of the burst has been acknowledged.
        var killAfterAcks = random.Next(TotalEvents / 10, TotalEvents * 9 / 10);
        var db = Path.Combine(_folder, "citysort.db");

        var acknowledged = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        string plate;
        string siteCode;
        await using (var first = await ServerProcess.StartAsync(db, DoorsFixture.FreePort(), DoorsFixture.FreePort(), Ct))
        {
            (plate, siteCode) = await RegistryFactsAsync(db);
            var burst = new Burst(plate, siteCode, seed);
            using var killed = new CancellationTokenSource();
            var killer = Task.Run(
                async () =>
                {
                    await WaitUntilAsync(() => acknowledged.Count >= killAfterAcks || killed.IsCancellationRequested, TimeSpan.FromMinutes(3));
                    first.Kill();
                    await killed.CancelAsync();
                },
                Ct);
            await burst.SendAsync(first, acknowledged, resend: false, killed.Token);
            await killer;
            Assert.True(first.WasKilled, "the server was not killed during the burst");
        }

        var acknowledgedBeforeKill = acknowledged.Keys.ToHashSet(StringComparer.Ordinal);
        TestContext.Current.SendDiagnosticMessage($"seed {seed}: killed after {acknowledgedBeforeKill.Count} of {TotalEvents} acknowledgements (threshold {killAfterAcks})");
        Assert.True(acknowledgedBeforeKill.Count >= killAfterAcks, $"only {acknowledgedBeforeKill.Count} events acknowledged before the kill, threshold {killAfterAcks}");
        Assert.True(acknowledgedBeforeKill.Count < TotalEvents, "the whole burst was acknowledged before the kill; the kill proved nothing");

        await using (var second = await ServerProcess.StartAsync(db, DoorsFixture.FreePort(), DoorsFixture.FreePort(), Ct))
        {
            var stored = await StoredCountsAsync(db);
            // Every acknowledged event is in the store exactly once (key table and its kind's table).
            var missing = acknowledgedBeforeKill.Where(id => stored.Keys.GetValueOrDefault(id) != 1 || stored.Rows.GetValueOrDefault(id) != 1).Take(5).ToList();
            Assert.True(missing.Count == 0, $"seed {seed}: acknowledged events not stored exactly once: {string.Join(", ", missing)}");
            var storedBeforeResend = stored.Keys.Count;
            Assert.True(stored.Keys.Values.All(c => c == 1) && stored.Rows.Values.All(c => c == 1));

            // Resending the whole burst: whatever was stored answers duplicate; only events never stored are added.
            var resendAnswers = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            var outcomes = await new Burst(plate, siteCode, seed).SendAsync(second, resendAnswers, resend: true, CancellationToken.None);
            Assert.Equal(TotalEvents, resendAnswers.Count);
            var storedButAccepted = outcomes.Accepted.Where(stored.Keys.ContainsKey).Take(5).ToList();
            Assert.True(storedButAccepted.Count == 0, $"seed {seed}: events stored before the resend were accepted again: {string.Join(", ", storedButAccepted)}");
            var http = outcomes.HttpDuplicates + outcomes.Accepted.Count(id => id.StartsWith("H-", StringComparison.Ordinal));
            Assert.Equal(HttpPosters * BatchesPerPoster * EventsPerBatch, http);

            var after = await StoredCountsAsync(db);
            Assert.Equal(TotalEvents, after.Keys.Count);
            Assert.True(after.Keys.Values.All(c => c == 1) && after.Rows.Values.All(c => c == 1));
            Assert.True(after.Keys.Count - storedBeforeResend <= TotalEvents - acknowledgedBeforeKill.Count);
            // The rollups count every stored pickup once: the pickups' rollup count is the number of pickup rows.
            Assert.Equal(after.PickupRows, after.RollupPickups);

            // A second resend is all duplicates and changes nothing.
            var again = await new Burst(plate, siteCode, seed).SendAsync(second, new ConcurrentDictionary<string, byte>(StringComparer.Ordinal), resend: true, CancellationToken.None);
            Assert.Empty(again.Accepted);
            var last = await StoredCountsAsync(db);
            Assert.Equal(TotalEvents, last.Keys.Count);
            Assert.Equal(after.RollupPickups, last.RollupPickups);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException("condition not reached within " + timeout);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), CancellationToken.None);
        }
    }

    private static async Task<(string Plate, string SiteCode)> RegistryFactsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var plate = new SqliteCommand("SELECT \"Plate\" FROM \"Vehicles\" ORDER BY \"Plate\" LIMIT 1", connection);
        await using var site = new SqliteCommand("SELECT \"Code\" FROM \"Sites\" ORDER BY \"Code\" LIMIT 1", connection);
        return ((string)(await plate.ExecuteScalarAsync(Ct))!, (string)(await site.ExecuteScalarAsync(Ct))!);
    }

    private static async Task<StoredCounts> StoredCountsAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        var keys = await CountByIdAsync(connection, "SELECT event_id, COUNT(*) FROM collection_event_keys WHERE device_id = 'demo' GROUP BY event_id");
        var rows = await CountByIdAsync(
            connection,
            "SELECT event_id, COUNT(*) FROM (SELECT event_id FROM collection_gps_fixes WHERE device_id = 'demo' UNION ALL SELECT event_id FROM collection_pickups WHERE device_id = 'demo') GROUP BY event_id");
        await using var pickups = new SqliteCommand("SELECT COUNT(*) FROM collection_pickups", connection);
        await using var rollup = new SqliteCommand("SELECT COALESCE(SUM(pickup_count), 0) FROM collection_rollup_daily", connection);
        return new StoredCounts(keys, rows, (long)(await pickups.ExecuteScalarAsync(Ct))!, (long)(await rollup.ExecuteScalarAsync(Ct))!);
    }

    private static async Task<Dictionary<string, long>> CountByIdAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private sealed record StoredCounts(Dictionary<string, long> Keys, Dictionary<string, long> Rows, long PickupRows, long RollupPickups);

    private sealed record ResendOutcomes(IReadOnlyCollection<string> Accepted, int HttpDuplicates);

    /// <summary>
    /// The burst: MQTT publishers sending GPS fixes (<c>M-p-i</c>) and HTTP posters sending batches of pickups
    /// (<c>H-p-b-i</c>), all as the demo device of demo mode (anonymous, docs/events.md "Demo mode"). The content of
    /// each event depends only on its id and the seed, so a resend is a duplicate.
    /// </summary>
    private sealed class Burst(string plate, string siteCode, int seed)
    {
        private static readonly DateTimeOffset Day = new(2015, 12, 1, 7, 0, 0, TimeSpan.FromHours(8));

        private static string Time(int i) => Day.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        private string Gps(string id, int i) =>
            $$"""{"eventId":"{{id}}","deviceTime":"{{Time(i)}}","vehiclePlate":"{{plate}}","point":{"longitude":{{(120.65 + ((i % 97) * 0.0001)).ToString(CultureInfo.InvariantCulture)}},"latitude":28.01,"datum":"wgs84"},"speedKmh":{{(seed % 50).ToString(CultureInfo.InvariantCulture)}}}""";

        private string Pickup(string id, int i) =>
            $$"""{"kind":"pickup","eventId":"{{id}}","deviceTime":"{{Time(i)}}","vehiclePlate":"{{plate}}","siteCode":"{{siteCode}}","category":"Other","estimatedKg":{{(1 + (i % 40)).ToString(CultureInfo.InvariantCulture)}}.5}""";

        public async Task<ResendOutcomes> SendAsync(ServerProcess server, ConcurrentDictionary<string, byte> answered, bool resend, CancellationToken killed)
        {
            var accepted = new ConcurrentBag<string>();
            var httpDuplicates = 0;
            var topic = $"citysort/v1/vehicles/{plate}/gps";
            var mqtt = Enumerable.Range(0, MqttPublishers).Select(p => Task.Run(
                async () =>
                {
                    try
                    {
                        var (client, connected) = await MqttTestClient.ConnectAsync(server.MqttPort, null, null, killed);
                        using var _ = client;
                        Assert.Equal(MqttClientConnectResultCode.Success, connected);
                        for (var i = 0; i < EventsPerPublisher; i++)
                        {
                            var id = $"M-{p}-{i}";
                            var result = await client.PublishAsync(MqttTestClient.Message(topic, Gps(id, (p * EventsPerPublisher) + i), dup: resend), killed);
                            Assert.True(result.IsSuccess, $"{id}: {result.ReasonCode} {result.ReasonString}");
                            answered[id] = 0;
                        }
                    }
                    catch (Exception) when (!resend && (killed.IsCancellationRequested || server.WasKilled))
                    {
                        // The server died under this publisher: what was not acknowledged is not counted.
                    }
                },
                CancellationToken.None)).ToList();
            var http = Enumerable.Range(0, HttpPosters).Select(p => Task.Run(
                async () =>
                {
                    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}"), Timeout = TimeSpan.FromMinutes(2) };
                    try
                    {
                        for (var b = 0; b < BatchesPerPoster; b++)
                        {
                            var events = Enumerable.Range(0, EventsPerBatch).Select(i => Pickup($"H-{p}-{b}-{i}", (((p * BatchesPerPoster) + b) * EventsPerBatch) + i));
                            using var body = new StringContent("{\"events\":[" + string.Join(",", events) + "]}", Encoding.UTF8, "application/json");
                            using var response = await client.PostAsync("/api/events", body, killed);
                            var text = await response.Content.ReadAsStringAsync(killed);
                            Assert.True(response.IsSuccessStatusCode, text);
                            using var answer = JsonDocument.Parse(text);
                            foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
                            {
                                var id = result.GetProperty("eventId").GetString()!;
                                var outcome = result.GetProperty("outcome").GetString();
                                Assert.True(outcome is "accepted" or "duplicate", $"{id}: {outcome} {result}");
                                if (outcome == "accepted")
                                {
                                    accepted.Add(id);
                                }
                                else
                                {
                                    Interlocked.Increment(ref httpDuplicates);
                                }

                                answered[id] = 0;
                            }
                        }
                    }
                    catch (Exception) when (!resend && (killed.IsCancellationRequested || server.WasKilled))
                    {
                        // The server died while this batch was in flight: its events were never answered.
                    }
                },
                CancellationToken.None)).ToList();
            await Task.WhenAll(mqtt.Concat(http));
            if (resend)
            {
                // MQTT answers success for accepted and duplicate alike; which of them were new is read from the store
                // by the caller, so here only the HTTP outcomes separate them.
                return new ResendOutcomes(accepted.ToList(), httpDuplicates);
            }

            return new ResendOutcomes([], 0);
        }
    }
}
