using System.Diagnostics;
using System.Globalization;
using System.Text;
using CitySort.Collection.Benchmarks;
using CitySort.Server;
using CitySort.Server.Mqtt;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CitySort.Cli.Commands;

/// <summary>
/// The runs of <c>citysort bench ingest</c> on SQLite: the HTTP batch door against a raw prepared bulk insert of the
/// same rows into the same event tables, and the MQTT door against the same broker with a no-op intake, each
/// repeated; all servers in process on 127.0.0.1, on temporary databases that are deleted afterwards.
/// </summary>
internal sealed class IngestBench(int httpPort, int mqttPort, double scale, Action<string> report)
{
    /// <summary>Events per HTTP batch and per raw insert transaction (issue 9).</summary>
    public const int BatchSize = 500;

    /// <summary>Concurrent MQTT publishers.</summary>
    public const int Publishers = 4;

    private static readonly DateTimeOffset Day = new(2015, 12, 1, 7, 0, 0, TimeSpan.FromHours(8));

    private int HttpEvents => Math.Max(2 * BatchSize, (int)Math.Round(400_000 * scale / BatchSize) * BatchSize);

    private int MqttEventsPerPublisher => Math.Max(250, (int)(50_000 * scale));

    /// <summary>Runs <paramref name="repeats"/> repeats of each measurement and returns the table's rows.</summary>
    public async Task<IReadOnlyList<IngestBenchFigure>> RunAsync(int repeats, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-bench-ingest-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var http = new List<double>();
            var raw = new List<double>();
            var mqtt = new List<double>();
            var noOp = new List<double>();
            var real = CitySortServer.Build(new ServerOptions
            {
                Urls = $"http://127.0.0.1:{httpPort}",
                Storage = StorageOptions.ForSqliteFile(Path.Combine(folder, "server.db")),
                SeedDemo = true,
                Mqtt = new MqttDoorOptions { Port = mqttPort },
            });
            await using (real)
            {
                await real.StartAsync(cancellationToken);
                var plate = await FirstPlateAsync(Path.Combine(folder, "server.db"), cancellationToken);
                for (var r = 0; r < repeats; r++)
                {
                    report($"repeat {r + 1}/{repeats}: raw insert of {HttpEvents} GPS fixes");
                    raw.Add(await RawInsertAsync(Path.Combine(folder, $"raw-{r}.db"), plate, r, cancellationToken));
                    report($"repeat {r + 1}/{repeats}: HTTP batches of {BatchSize}");
                    http.Add(await HttpAsync(plate, r, cancellationToken));
                    report($"repeat {r + 1}/{repeats}: MQTT QoS 1, {Publishers} publishers × {MqttEventsPerPublisher}");
                    mqtt.Add(await MqttAsync(mqttPort, plate, "r" + r, cancellationToken));
                }

                await real.StopAsync(cancellationToken);
            }

            var baseline = CitySortServer.Build(new ServerOptions
            {
                Urls = $"http://127.0.0.1:{httpPort + 1}",
                Storage = StorageOptions.ForSqliteFile(Path.Combine(folder, "noop.db")),
                SeedDemo = false,
                AcceptAnonymousDevices = true,
                EventIntake = new NoOpEventIntake(),
                Mqtt = new MqttDoorOptions { Port = mqttPort + 1 },
            });
            await using (baseline)
            {
                await baseline.StartAsync(cancellationToken);
                for (var r = 0; r < repeats; r++)
                {
                    report($"repeat {r + 1}/{repeats}: MQTT QoS 1 with a no-op intake");
                    noOp.Add(await MqttAsync(mqttPort + 1, "浙C00000", "n" + r, cancellationToken));
                }

                await baseline.StopAsync(cancellationToken);
            }

            return
            [
                new IngestBenchFigure($"HTTP POST /api/events, batches of {BatchSize} GPS fixes → SQLite", $"raw prepared INSERT of the same rows, {BatchSize} per transaction, no validation", http, raw, 0.8),
                new IngestBenchFigure($"MQTT QoS 1, {Publishers} publishers, GPS fixes → SQLite (PUBACK after commit)", "same broker, door and client, no-op intake", mqtt, noOp, 0.8),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Time(int i) => Day.AddMilliseconds(i * 100L).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static double Longitude(int i) => 120.65 + ((i % 97) * 0.0001);

    private static string Gps(string id, string plate, int i, bool withKind) =>
        "{" + (withKind ? "\"kind\":\"gps\"," : string.Empty)
        + $"\"eventId\":\"{id}\",\"deviceTime\":\"{Time(i)}\",\"vehiclePlate\":\"{plate}\","
        + $"\"point\":{{\"longitude\":{Longitude(i).ToString(CultureInfo.InvariantCulture)},\"latitude\":28.01,\"datum\":\"wgs84\"}},\"speedKmh\":20}}";

    private static async Task<string> FirstPlateAsync(string db, CancellationToken cancellationToken)
    {
        // The server seeds the demo city after it starts listening: wait (bounded) for its first vehicle.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new SqliteCommand("SELECT \"Plate\" FROM \"Vehicles\" ORDER BY \"Plate\" LIMIT 1", connection);
                if (await command.ExecuteScalarAsync(cancellationToken) is string plate)
                {
                    return plate;
                }
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the demo city was not seeded within 5 minutes");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>The baseline: the same GPS rows straight into a fresh store's tables (keys and fixes), one transaction per batch.</summary>
    private async Task<double> RawInsertAsync(string db, string plate, int repeat, CancellationToken cancellationToken)
    {
        var options = StorageOptions.ForSqliteFile(db);
        await new EventSchemaMigrator(options).MigrateAsync(cancellationToken);
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var wal = new SqliteCommand("PRAGMA journal_mode=WAL;", connection))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var key = new SqliteCommand(
            "INSERT INTO collection_event_keys (device_id, event_id, kind, business_day, content_hash, received_at_ms) VALUES (@d, @e, @k, @b, @h, @r)",
            connection);
        await using var fix = new SqliteCommand(
            "INSERT INTO collection_gps_fixes (device_id, event_id, business_day, device_time_ms, offset_minutes, is_illustrative, vehicle_plate, longitude, latitude, datum, speed_kmh, heading_degrees) VALUES (@d, @e, @b, @t, 480, 1, @p, @x, 28.01, 1, 20, NULL)",
            connection);
        var kd = key.Parameters.Add("@d", SqliteType.Text);
        var ke = key.Parameters.Add("@e", SqliteType.Text);
        var kk = key.Parameters.Add("@k", SqliteType.Integer);
        var kb = key.Parameters.Add("@b", SqliteType.Text);
        var kh = key.Parameters.Add("@h", SqliteType.Text);
        var kr = key.Parameters.Add("@r", SqliteType.Integer);
        var fd = fix.Parameters.Add("@d", SqliteType.Text);
        var fe = fix.Parameters.Add("@e", SqliteType.Text);
        var fb = fix.Parameters.Add("@b", SqliteType.Text);
        var ft = fix.Parameters.Add("@t", SqliteType.Integer);
        var fp = fix.Parameters.Add("@p", SqliteType.Text);
        var fx = fix.Parameters.Add("@x", SqliteType.Real);
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < HttpEvents; start += BatchSize)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            key.Transaction = transaction;
            fix.Transaction = transaction;
            for (var i = start; i < start + BatchSize; i++)
            {
                var id = $"H-{repeat}-{i}";
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id)));
                kd.Value = "demo";
                ke.Value = id;
                kk.Value = 2;
                kb.Value = "2015-12-01";
                kh.Value = hash;
                kr.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await key.ExecuteNonQueryAsync(cancellationToken);
                fd.Value = "demo";
                fe.Value = id;
                fb.Value = "2015-12-01";
                ft.Value = Day.AddMilliseconds(i * 100L).ToUnixTimeMilliseconds();
                fp.Value = plate;
                fx.Value = Longitude(i);
                await fix.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return IngestBenchStatistics.EventsPerSecond(HttpEvents, clock.Elapsed);
    }

    /// <summary>The HTTP door: batches of <see cref="BatchSize"/> GPS fixes, one request at a time, as the demo device.</summary>
    private async Task<double> HttpAsync(string plate, int repeat, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromMinutes(5) };
        var bodies = new List<byte[]>();
        for (var start = 0; start < HttpEvents; start += BatchSize)
        {
            bodies.Add(Encoding.UTF8.GetBytes("{\"events\":[" + string.Join(",", Enumerable.Range(start, BatchSize).Select(i => Gps($"H-{repeat}-{i}", plate, i, withKind: true))) + "]}"));
        }

        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/events", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || !text.Contains($"\"accepted\":{BatchSize}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("POST /api/events did not accept the batch: " + (int)response.StatusCode + " " + text[..Math.Min(400, text.Length)]);
            }
        }

        return IngestBenchStatistics.EventsPerSecond(HttpEvents, clock.Elapsed);
    }

    /// <summary>The MQTT door: <see cref="Publishers"/> anonymous (demo) connections, each publishing QoS 1 and awaiting each PUBACK.</summary>
    private async Task<double> MqttAsync(int port, string plate, string run, CancellationToken cancellationToken)
    {
        var clients = new List<IMqttClient>();
        try
        {
            for (var p = 0; p < Publishers; p++)
            {
                var client = new MqttClientFactory().CreateMqttClient();
                var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId($"bench-{run}-{p}").WithTimeout(TimeSpan.FromSeconds(60)).Build();
                await client.ConnectAsync(options, cancellationToken);
                clients.Add(client);
            }

            var topic = $"citysort/v1/vehicles/{plate}/gps";
            var payloads = Enumerable.Range(0, Publishers).Select(p => Enumerable.Range(0, MqttEventsPerPublisher)
                .Select(i => Encoding.UTF8.GetBytes(Gps($"M-{run}-{p}-{i}", plate, (p * MqttEventsPerPublisher) + i, withKind: false))).ToArray()).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(async (client, p) =>
            {
                foreach (var payload in payloads[p])
                {
                    var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                    var result = await client.PublishAsync(message, cancellationToken);
                    if (!result.IsSuccess)
                    {
                        throw new InvalidOperationException("PUBACK " + result.ReasonCode + ": " + result.ReasonString);
                    }
                }
            }));
            return IngestBenchStatistics.EventsPerSecond((long)Publishers * MqttEventsPerPublisher, clock.Elapsed);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
