using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CitySort.Collection;
using CitySort.Collection.Benchmarks;
using CitySort.Collection.Devices;
using CitySort.Registry;
using CitySort.Server;
using CitySort.Server.Mqtt;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Npgsql;
using NpgsqlTypes;

namespace CitySort.Cli.Commands;

/// <summary>
/// The runs of <c>citysort bench ingest</c> on SQLite or PostgreSQL: the HTTP batch door against a raw bulk write of
/// the same rows into the same event tables (prepared INSERTs on SQLite, binary COPY on PostgreSQL), and the MQTT door
/// with one connection per registered vehicle device against the same broker, devices and clients with a no-op
/// intake; each repeated. All servers run in process on 127.0.0.1, on temporary databases (a temporary folder of
/// SQLite files, or databases created on the PostgreSQL server and dropped afterwards).
/// </summary>
internal sealed class IngestBench(string? postgres, int httpPort, int mqttPort, int devices, double scale, SqliteSynchronous synchronous, int mqttWindow, int httpInFlight, Action<string> report)
{
    /// <summary>Events per HTTP batch and per raw insert transaction (issue 9).</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// The default number of HTTP requests in flight at once (each device posts on its own and waits for its answer; a
    /// few of the fleet's posts overlap). <c>--http-in-flight</c> sets it per run.
    /// </summary>
    public const int DefaultHttpInFlight = 4;

    /// <summary>The default number of vehicle devices (one MQTT connection each): about a city's fleet.</summary>
    public const int DefaultDevices = 150;

    /// <summary>
    /// The default number of QoS 1 messages each MQTT device keeps in flight (an MQTT 5 receive maximum, as on-board
    /// units use to keep sending while the acknowledgements of earlier fixes are on their way).
    /// </summary>
    public const int DefaultMqttWindow = 8;

    /// <summary>Warm-up rounds before the timed runs of each server, separated by a pause until the process is idle.</summary>
    public const int WarmUpRounds = 2;

    /// <summary>HTTP batches sent in each warm-up round, not timed (their events are stored like the timed ones).</summary>
    public const int WarmUpHttpBatches = 16;

    /// <summary>MQTT messages each device sends in each warm-up round of each server (the door's and the no-op's), not timed.</summary>
    public const int WarmUpMqttPerDevice = 50;

    private readonly string runId = Guid.NewGuid().ToString("N")[..10];
    private readonly List<string> createdDatabases = [];

    private bool IsPostgres => postgres is not null;

    /// <summary>The store, with the SQLite sync setting measured (the same for the door and its raw baseline).</summary>
    private string ProviderName => IsPostgres ? "PostgreSQL" : $"SQLite (synchronous={synchronous.ToString().ToUpperInvariant()})";

    private int HttpEvents => Math.Max(2 * BatchSize, (int)Math.Round(400_000 * scale / BatchSize) * BatchSize);

    private int MqttEventsPerDevice => Math.Max(5, (int)Math.Round(200_000 * scale / devices));

    /// <summary>Runs <paramref name="repeats"/> repeats of each measurement and returns the table's rows.</summary>
    public async Task<IReadOnlyList<IngestBenchFigure>> RunAsync(int repeats, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-bench-ingest-" + runId)).FullName;
        try
        {
            var http = new List<double>();
            var raw = new List<double>();
            var mqtt = new List<double>();
            var noOp = new List<double>();
            var storage = await CreateStoreAsync(folder, "server", cancellationToken);
            IReadOnlyList<BenchDevice> fleet;
            var real = CitySortServer.Build(new ServerOptions
            {
                Urls = $"http://127.0.0.1:{httpPort}",
                Storage = storage,
                SeedDemo = true,
                AcceptAnonymousDevices = false,
                Mqtt = new MqttDoorOptions { Port = mqttPort },
            });
            await using (real)
            {
                await real.StartAsync(cancellationToken);
                report($"registering {devices} vehicles and their devices");
                fleet = await AddFleetAsync(real.Services, cancellationToken);
                await WarmUpAsync(fleet, cancellationToken);
                var start = StartTime();
                // Two rounds with a pause between: the runtime compiles a method first plainly, then, once it was called
                // often, with counters (in the background, during the pause), and optimised only after more calls.
                for (var w = 0; w < WarmUpRounds; w++)
                {
                    await QuiesceAsync(cancellationToken);
                    report($"warm-up {w + 1}/{WarmUpRounds} (not timed): {WarmUpHttpBatches} HTTP batches and {WarmUpMqttPerDevice} MQTT messages per device");
                    await HttpWarmUpAsync(fleet, w, start, cancellationToken);
                    await MqttAsync(mqttPort, fleet, "w" + w, start, WarmUpMqttPerDevice, cancellationToken);
                }

                for (var r = 0; r < repeats; r++)
                {
                    await QuiesceAsync(cancellationToken);
                    report($"repeat {r + 1}/{repeats}: raw {(IsPostgres ? "binary COPY" : "prepared INSERT")} of {HttpEvents} GPS fixes");
                    var rawStore = await CreateStoreAsync(folder, $"raw{r}", cancellationToken);
                    var rows = HttpRows(fleet, r, start);
                    raw.Add(await RawAsync(rawStore, rows, cancellationToken));
                    await QuiesceAsync(cancellationToken);
                    report($"repeat {r + 1}/{repeats}: HTTP batches of {BatchSize} from {devices} devices");
                    http.Add(await HttpAsync(fleet, r, start, cancellationToken));
                    await QuiesceAsync(cancellationToken);
                    report($"repeat {r + 1}/{repeats}: MQTT QoS 1, {devices} connections × {MqttEventsPerDevice}");
                    mqtt.Add(await MqttAsync(mqttPort, fleet, "r" + r, start, MqttEventsPerDevice, cancellationToken));
                }

                await real.StopAsync(cancellationToken);
            }

            // The same database (registry and devices), so the same devices log in as the same clients.
            var baseline = CitySortServer.Build(new ServerOptions
            {
                Urls = $"http://127.0.0.1:{httpPort + 1}",
                Storage = storage,
                SeedDemo = false,
                AcceptAnonymousDevices = false,
                EventIntake = new NoOpEventIntake(),
                Mqtt = new MqttDoorOptions { Port = mqttPort + 1 },
            });
            await using (baseline)
            {
                await baseline.StartAsync(cancellationToken);
                var start = StartTime();
                for (var w = 0; w < WarmUpRounds; w++)
                {
                    await QuiesceAsync(cancellationToken);
                    await MqttAsync(mqttPort + 1, fleet, "nw" + w, start, WarmUpMqttPerDevice, cancellationToken);
                }

                for (var r = 0; r < repeats; r++)
                {
                    await QuiesceAsync(cancellationToken);
                    report($"repeat {r + 1}/{repeats}: MQTT QoS 1 with a no-op intake, {devices} connections × {MqttEventsPerDevice}");
                    noOp.Add(await MqttAsync(mqttPort + 1, fleet, "n" + r, start, MqttEventsPerDevice, cancellationToken));
                }

                await baseline.StopAsync(cancellationToken);
            }

            return
            [
                new IngestBenchFigure(
                    $"HTTP POST /api/events, batches of {BatchSize} GPS fixes from {devices} devices, {httpInFlight} requests in flight → {ProviderName}",
                    IsPostgres
                        ? $"raw binary COPY of the same rows, {BatchSize} per transaction, no validation"
                        : $"raw prepared INSERT of the same rows, {BatchSize} per transaction, no validation",
                    http,
                    raw,
                    0.8),
                new IngestBenchFigure(
                    $"MQTT QoS 1, {devices} device connections, {mqttWindow} in flight each, GPS fixes → {ProviderName} (PUBACK after commit)",
                    $"same broker, devices and clients ({mqttWindow} in flight each), no-op intake",
                    mqtt,
                    noOp,
                    0.8),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            await DropDatabasesAsync();
        }
    }

    /// <summary>
    /// Reports, besides a run's rate, the process's CPU time per event over its timed part (all threads: the server, the
    /// bench's own clients and background work such as the violation checks) and how many cores that kept busy on
    /// average, which tells a run bound by CPU from one bound by waiting. The rate alone goes into the table.
    /// </summary>
    private double Metered(string name, long events, Stopwatch clock, TimeSpan cpuBefore)
    {
        var elapsed = clock.Elapsed;
        var cpu = ProcessCpu() - cpuBefore;
        var rate = IngestBenchStatistics.EventsPerSecond(events, elapsed);
        report(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {rate:0} events/s, process CPU {cpu.TotalMicroseconds / events:0.0} µs per event, {cpu / elapsed:0.00} cores busy on average"));
        return rate;
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The first device time of the runs: twelve hours ago, so every event is recent and none in the future.</summary>
    private static DateTimeOffset StartTime()
    {
        var now = DateTimeOffset.UtcNow.AddHours(-12);
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
    }

    private static string Time(DateTimeOffset start, int i) =>
        start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static double Longitude(int i) => 120.65 + ((i % 97) * 0.0001);

    private static string Gps(string id, string plate, DateTimeOffset start, int i, bool withKind) =>
        "{" + (withKind ? "\"kind\":\"gps\"," : string.Empty)
        + $"\"eventId\":\"{id}\",\"deviceTime\":\"{Time(start, i)}\",\"vehiclePlate\":\"{plate}\","
        + $"\"point\":{{\"longitude\":{Longitude(i).ToString(CultureInfo.InvariantCulture)},\"latitude\":28.01,\"datum\":\"wgs84\"}},\"speedKmh\":20}}";

    /// <summary>A fresh event store: a new SQLite file, or a new PostgreSQL database (dropped at the end).</summary>
    private async Task<StorageOptions> CreateStoreAsync(string folder, string name, CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return StorageOptions.ForSqliteFile(Path.Combine(folder, name + ".db")) with { SqliteSynchronous = synchronous };
        }

        var database = $"citysort_bench_{runId}_{name}";
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        createdDatabases.Add(database);
        return StorageOptions.ForPostgreSql(new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
    }

    private async Task DropDatabasesAsync()
    {
        if (!IsPostgres || createdDatabases.Count == 0)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(postgres);
        await admin.OpenAsync(CancellationToken.None);
        foreach (var database in createdDatabases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Waits (bounded) for the demo city, then registers the bench's number of vehicles like the demo's first one and a
    /// vehicle device for each, returning their ids, plates and secrets.
    /// </summary>
    private async Task<IReadOnlyList<BenchDevice>> AddFleetAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        var clock = Stopwatch.StartNew();
        Vehicle? template = null;
        while (template is null)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                // The server seeds the demo city after it starts listening, in one transaction.
                template = await db.Vehicles.AsNoTracking().OrderBy(v => v.Plate).FirstOrDefaultAsync(cancellationToken);
            }

            if (template is null)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException("the demo city was not seeded within 5 minutes");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }

        var plates = Enumerable.Range(0, devices).Select(d => "浙CB" + d.ToString("0000", CultureInfo.InvariantCulture)).ToArray();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Vehicles.AddRange(plates.Select(plate => new Vehicle
            {
                Plate = plate,
                DistrictCode = template.DistrictCode,
                AreaCode = template.AreaCode,
                HaulerCode = template.HaulerCode,
                CapacityKg = template.CapacityKg,
                CapacityCubicMetres = template.CapacityCubicMetres,
                IsIllustrative = true,
                Source = "bench ingest",
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        var deviceService = services.GetRequiredService<DeviceService>();
        var fleet = new List<BenchDevice>(devices);
        for (var d = 0; d < devices; d++)
        {
            var id = "bench-obu-" + d.ToString("0000", CultureInfo.InvariantCulture);
            var added = await deviceService.AddAsync(new DeviceRegistration(id, DeviceKind.Vehicle, plates[d]), cancellationToken);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"device {id} was not registered: " + string.Join("; ", added.Problems.Select(p => p.Reason)));
            }

            fleet.Add(new BenchDevice(id, plates[d], added.Secret!));
        }

        return fleet;
    }

    /// <summary>
    /// Has each device authenticate once over HTTP (an empty batch, answered 400 after the key was checked): the server
    /// derives a device's PBKDF2 key once and then remembers the verified key, so the timed run measures the steady
    /// state (the MQTT runs log in before their clocks start, too).
    /// </summary>
    private async Task WarmUpAsync(IReadOnlyList<BenchDevice> fleet, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromMinutes(5) };
        foreach (var device in fleet)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent("{\"events\":[]}", Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Device-Id", device.Id);
            request.Headers.Add("X-Device-Key", device.Secret);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode != System.Net.HttpStatusCode.BadRequest)
            {
                throw new InvalidOperationException($"device {device.Id} did not authenticate: {(int)response.StatusCode} " + await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }
    }

    /// <summary>Waits (at most two minutes) until this process uses less than a tenth of a core, so that one run's background work (violation checks, the live feed) does not fall into the next run.</summary>
    private static async Task QuiesceAsync(CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var window = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            process.Refresh();
            if ((process.TotalProcessorTime - before).TotalSeconds < 0.1 * window.Elapsed.TotalSeconds)
            {
                return;
            }
        }
    }

    /// <summary>The HTTP run's rows: batch b comes from device b mod N, its k-th batch holding that device's events k·500 … k·500 + 499.</summary>
    private List<GpsRow[]> HttpRows(IReadOnlyList<BenchDevice> fleet, int repeat, DateTimeOffset start)
    {
        var batches = new List<GpsRow[]>(HttpEvents / BatchSize);
        for (var b = 0; b < HttpEvents / BatchSize; b++)
        {
            var device = fleet[b % fleet.Count];
            var first = b / fleet.Count * BatchSize;
            batches.Add(Enumerable.Range(first, BatchSize).Select(i => new GpsRow(device.Id, $"H{repeat}-{i}", device.Plate, start, i)).ToArray());
        }

        return batches;
    }

    /// <summary>The baseline: the same GPS rows straight into a fresh store's tables (keys and fixes), one transaction per batch.</summary>
    private async Task<double> RawAsync(StorageOptions options, List<GpsRow[]> batches, CancellationToken cancellationToken)
    {
        await new EventSchemaMigrator(options).MigrateAsync(cancellationToken);
        return IsPostgres ? await RawCopyAsync(options, batches, cancellationToken) : await RawInsertAsync(options, batches, cancellationToken);
    }

    private async Task<double> RawInsertAsync(StorageOptions options, List<GpsRow[]> batches, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // The settings of the intake's writing connection (WAL, sync, page cache, checkpoint interval): the same store.
        await using (var wal = new SqliteCommand("PRAGMA journal_mode=WAL;" + CollectionEventStore.SqliteWriterPragmas(options.SqliteSynchronous), connection))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var key = new SqliteCommand(
            "INSERT INTO collection_event_keys (device_id, event_id, kind, business_day, content_hash, received_at_ms) VALUES (@d, @e, @k, @b, @h, @r)",
            connection);
        await using var fix = new SqliteCommand(
            "INSERT INTO collection_gps_fixes (device_id, event_id, business_day, device_time_ms, offset_minutes, is_illustrative, vehicle_plate, longitude, latitude, datum, speed_kmh, heading_degrees) VALUES (@d, @e, @b, @t, 480, 0, @p, @x, 28.01, 1, 20, NULL)",
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
        var cpu = ProcessCpu();
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            key.Transaction = transaction;
            fix.Transaction = transaction;
            foreach (var row in batch)
            {
                var day = row.BusinessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                kd.Value = row.DeviceId;
                ke.Value = row.EventId;
                kk.Value = (long)EventKind.GpsFix;
                kb.Value = day;
                kh.Value = row.Hash();
                kr.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await key.ExecuteNonQueryAsync(cancellationToken);
                fd.Value = row.DeviceId;
                fe.Value = row.EventId;
                fb.Value = day;
                ft.Value = row.DeviceTimeMs;
                fp.Value = row.Plate;
                fx.Value = row.Longitude;
                await fix.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Metered("raw", batches.Sum(b => b.Length), clock, cpu);
    }

    private async Task<double> RawCopyAsync(StorageOptions options, List<GpsRow[]> batches, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var month in batches.SelectMany(b => b).Select(r => new DateOnly(r.BusinessDay.Year, r.BusinessDay.Month, 1)).Distinct())
        {
            await using var partition = new NpgsqlCommand(
                $"CREATE TABLE IF NOT EXISTS collection_gps_fixes_y{month.Year:0000}m{month.Month:00} PARTITION OF collection_gps_fixes FOR VALUES FROM ('{month:yyyy-MM-dd}') TO ('{month.AddMonths(1):yyyy-MM-dd}')",
                connection);
            await partition.ExecuteNonQueryAsync(cancellationToken);
        }

        var cpu = ProcessCpu();
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var keys = await connection.BeginBinaryImportAsync(
                "COPY collection_event_keys (device_id, event_id, kind, business_day, content_hash, received_at_ms) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in batch)
                {
                    await keys.StartRowAsync(cancellationToken);
                    await keys.WriteAsync(row.DeviceId, NpgsqlDbType.Text, cancellationToken);
                    await keys.WriteAsync(row.EventId, NpgsqlDbType.Text, cancellationToken);
                    await keys.WriteAsync((long)EventKind.GpsFix, NpgsqlDbType.Bigint, cancellationToken);
                    await keys.WriteAsync(row.BusinessDay, NpgsqlDbType.Date, cancellationToken);
                    await keys.WriteAsync(row.Hash(), NpgsqlDbType.Text, cancellationToken);
                    await keys.WriteAsync(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, cancellationToken);
                }

                await keys.CompleteAsync(cancellationToken);
            }

            await using (var fixes = await connection.BeginBinaryImportAsync(
                "COPY collection_gps_fixes (device_id, event_id, business_day, device_time_ms, offset_minutes, is_illustrative, vehicle_plate, longitude, latitude, datum, speed_kmh, heading_degrees) FROM STDIN (FORMAT BINARY)",
                cancellationToken))
            {
                foreach (var row in batch)
                {
                    await fixes.StartRowAsync(cancellationToken);
                    await fixes.WriteAsync(row.DeviceId, NpgsqlDbType.Text, cancellationToken);
                    await fixes.WriteAsync(row.EventId, NpgsqlDbType.Text, cancellationToken);
                    await fixes.WriteAsync(row.BusinessDay, NpgsqlDbType.Date, cancellationToken);
                    await fixes.WriteAsync(row.DeviceTimeMs, NpgsqlDbType.Bigint, cancellationToken);
                    await fixes.WriteAsync(480L, NpgsqlDbType.Bigint, cancellationToken);
                    await fixes.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken);
                    await fixes.WriteAsync(row.Plate, NpgsqlDbType.Text, cancellationToken);
                    await fixes.WriteAsync(row.Longitude, NpgsqlDbType.Double, cancellationToken);
                    await fixes.WriteAsync(28.01, NpgsqlDbType.Double, cancellationToken);
                    await fixes.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                    await fixes.WriteAsync(20.0, NpgsqlDbType.Double, cancellationToken);
                    await fixes.WriteNullAsync(cancellationToken);
                }

                await fixes.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return Metered("raw", batches.Sum(b => b.Length), clock, cpu);
    }

    /// <summary>The HTTP door: the same rows as the raw run, one batch per request, <c>httpInFlight</c> requests in flight, each with its device's key.</summary>
    private async Task<double> HttpAsync(IReadOnlyList<BenchDevice> fleet, int repeat, DateTimeOffset start, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromMinutes(5) };
        var requests = HttpRows(fleet, repeat, start).Select(batch => (
            Device: fleet.First(d => d.Id == batch[0].DeviceId),
            Body: Encoding.UTF8.GetBytes("{\"events\":[" + string.Join(",", batch.Select(r => Gps(r.EventId, r.Plate, start, r.Index, withKind: true))) + "]}"))).ToList();
        var next = -1;
        var cpu = ProcessCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, httpInFlight).Select(async _ =>
        {
            for (var r = Interlocked.Increment(ref next); r < requests.Count; r = Interlocked.Increment(ref next))
            {
                await PostAsync(client, requests[r].Device, requests[r].Body, cancellationToken);
            }
        }));
        return Metered("HTTP", HttpEvents, clock, cpu);
    }

    /// <summary>
    /// Sends <see cref="WarmUpHttpBatches"/> batches like the timed run's (their own event ids), not timed, so that the
    /// first repeat, like the later ones, runs code the runtime has already compiled to its optimised tier.
    /// </summary>
    private async Task HttpWarmUpAsync(IReadOnlyList<BenchDevice> fleet, int round, DateTimeOffset start, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromMinutes(5) };
        await Task.WhenAll(Enumerable.Range(0, WarmUpHttpBatches).Select(b =>
        {
            var device = fleet[b % fleet.Count];
            var first = b / fleet.Count * BatchSize;
            var body = Encoding.UTF8.GetBytes("{\"events\":[" + string.Join(",", Enumerable.Range(first, BatchSize).Select(i => Gps($"W{round}-{i}", device.Plate, start, i, withKind: true))) + "]}");
            return PostAsync(client, device, body, cancellationToken);
        }));
    }

    private static async Task PostAsync(HttpClient client, BenchDevice device, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Device-Id", device.Id);
        request.Headers.Add("X-Device-Key", device.Secret);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !text.Contains($"\"accepted\":{BatchSize}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("POST /api/events did not accept the batch: " + (int)response.StatusCode + " " + text[..Math.Min(400, text.Length)]);
        }
    }

    /// <summary>
    /// The MQTT door: one connection per device (its id and secret), each publishing its own fixes at QoS 1 with up to
    /// <c>mqttWindow</c> messages awaiting their PUBACKs (each of the window's senders takes the device's next message
    /// when its PUBACK came; with a window of 1 each message waits for the previous one's PUBACK).
    /// </summary>
    private async Task<double> MqttAsync(int port, IReadOnlyList<BenchDevice> fleet, string run, DateTimeOffset start, int perDevice, CancellationToken cancellationToken)
    {
        var clients = new List<IMqttClient>();
        try
        {
            foreach (var device in fleet)
            {
                var client = new MqttClientFactory().CreateMqttClient();
                var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId($"bench-{run}-{device.Id}").WithCredentials(device.Id, device.Secret).WithTimeout(TimeSpan.FromSeconds(120)).Build();
                await client.ConnectAsync(options, cancellationToken);
                clients.Add(client);
            }

            var messages = fleet.Select(device => Enumerable.Range(0, perDevice)
                .Select(i => new MqttApplicationMessageBuilder()
                    .WithTopic($"citysort/v1/vehicles/{device.Plate}/gps")
                    .WithPayload(Encoding.UTF8.GetBytes(Gps($"M{run}-{i}", device.Plate, start, i, withKind: false)))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build())
                .ToArray()).ToArray();
            var cpu = ProcessCpu();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.SelectMany((client, d) =>
            {
                var next = -1;
                return Enumerable.Range(0, mqttWindow).Select(async _ =>
                {
                    for (var i = Interlocked.Increment(ref next); i < messages[d].Length; i = Interlocked.Increment(ref next))
                    {
                        var result = await client.PublishAsync(messages[d][i], cancellationToken);
                        if (!result.IsSuccess)
                        {
                            throw new InvalidOperationException("PUBACK " + result.ReasonCode + ": " + result.ReasonString);
                        }
                    }
                });
            }).ToList());
            var name = (run[0] == 'n' ? "MQTT no-op" : "MQTT") + (run.Contains('w', StringComparison.Ordinal) ? " warm-up (not timed)" : string.Empty);
            return Metered(name, (long)fleet.Count * perDevice, clock, cpu);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private sealed record BenchDevice(string Id, string Plate, string Secret);

    /// <summary>One GPS fix of the runs: its device, id, plate and index (its device time is the start plus that many seconds).</summary>
    private sealed record GpsRow(string DeviceId, string EventId, string Plate, DateTimeOffset Start, int Index)
    {
        public DateTimeOffset DeviceTime => Start.AddSeconds(Index);

        public long DeviceTimeMs => DeviceTime.ToUnixTimeMilliseconds();

        public DateOnly BusinessDay => EventTimes.BusinessDayOf(DeviceTime);

        public double Longitude => IngestBench.Longitude(Index);

        /// <summary>A stand-in content hash of the same length and cost as the intake's (SHA-256, hex).</summary>
        public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DeviceId + "/" + EventId)));
    }
}
