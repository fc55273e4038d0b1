using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CitySort.Collection.Simulation;
using Microsoft.Data.Sqlite;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// Issue 9, "what it must show": with the real <c>citysort serve</c> process and <c>citysort simulate --inject-faults</c>
/// against it, every injected mixing is a violation naming its event, every malformed, conflicting and unauthorised
/// message is a stored rejection with its reason, and a duplicate is stored and counted once. The simulator's manifest
/// (<c>--faults-out</c>) is checked one by one against <c>GET /api/violations</c>, <c>GET /api/rejections</c> and the
/// store. A slice of the day (07:00–08:00, a fix every 5 minutes) at 3600× keeps it short.
/// </summary>
public sealed class SimulatedFaultsEndToEndTests : IDisposable
{
    // Free ports, so that a server left on fixed ports by another run on the same machine cannot make this one fail.
    private readonly int _httpPort = DoorsFixture.FreePort();
    private readonly int _mqttPort = DoorsFixture.FreePort();
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-sim-" + Guid.NewGuid().ToString("N"))).FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_fault_the_simulator_injected_is_a_violation_a_rejection_with_its_reason_or_stored_once()
    {
        var db = Path.Combine(_folder, "citysort.db");
        var manifestFile = Path.Combine(_folder, "faults.json");
        await using var server = await ServerProcess.StartAsync(db, _httpPort, _mqttPort, Ct);
        using var http = await server.SignedInClientAsync(Ct);

        var (exit, output) = await RunSimulatorAsync(db, manifestFile);
        Assert.True(exit == 0, "simulate exited with " + exit + ":\n" + output);
        IReadOnlyList<InjectedFault> faults;
        await using (var file = File.OpenRead(manifestFile))
        {
            faults = await SimulationManifest.ReadAsync(file, Ct);
        }

        // Every kind was injected three times within the slice (SimulationOptions.FaultsPerKind) and published.
        Assert.Equal(Enum.GetNames<SimulationFault>().ToDictionary(k => k, _ => 3), faults.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()));

        var rejected = faults.Where(f => f.Expected == "rejection").ToList();
        var rejections = await WaitForAsync(() => RejectionsAsync(http), list => rejected.All(f => Matching(list, f).Any()));
        foreach (var fault in rejected)
        {
            var match = Matching(rejections, fault).FirstOrDefault();
            Assert.True(match.ValueKind != JsonValueKind.Undefined, $"no rejection {fault.ExpectedReasonCode} for the {fault.Kind} fault {string.Join(",", fault.EventIds)} {fault.DeviceId}");
            Assert.False(string.IsNullOrWhiteSpace(match.GetProperty("reason").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(match.GetProperty("reasonZh").GetString()));
        }

        var mixings = faults.Where(f => f.Expected == "violation").ToList();
        var violations = await WaitForAsync(() => ViolationsAsync(http), list => mixings.All(f => Naming(list, f).Any()));
        foreach (var fault in mixings)
        {
            Assert.True(Naming(violations, fault).Any(), $"no {fault.ExpectedViolationKind} violation names the mixing pickup {fault.EventIds[0]}");
        }

        await using var store = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await store.OpenAsync(Ct);
        foreach (var fault in faults.Where(f => f.Expected is "stored-once" or "stored"))
        {
            // Stored exactly once, in the key table and in its kind's table (a duplicate answered, never added).
            Assert.Equal(1L, await ScalarAsync(store, "SELECT COUNT(*) FROM collection_event_keys WHERE device_id = 'demo' AND event_id = $id", fault.EventIds[0]));
            Assert.Equal(1L, await ScalarAsync(store, "SELECT (SELECT COUNT(*) FROM collection_pickups WHERE event_id = $id) + (SELECT COUNT(*) FROM collection_gps_fixes WHERE event_id = $id)", fault.EventIds[0]));
        }

        // Counted once: the rollups' pickups are the stored pickup rows, duplicates and refused messages not among them.
        Assert.Equal(
            await ScalarAsync(store, "SELECT COUNT(*) FROM collection_pickups", null),
            await ScalarAsync(store, "SELECT COALESCE(SUM(pickup_count), 0) FROM collection_rollup_daily", null));
    }

    /// <summary>The stored rejections a fault expects: by reason code and, per kind, its event id, payload or login.</summary>
    private static IEnumerable<JsonElement> Matching(IReadOnlyList<JsonElement> rejections, InjectedFault fault) => rejections.Where(r =>
        r.GetProperty("reasonCode").GetString() == fault.ExpectedReasonCode
        && r.GetProperty("deviceId").GetString() == fault.DeviceId
        && fault.Kind switch
        {
            nameof(SimulationFault.Malformed) => r.GetProperty("payload").GetString() == fault.Payload,
            nameof(SimulationFault.BadLogin) => r.GetProperty("source").GetString() == "mqtt:connect",
            nameof(SimulationFault.ForeignPlate) => r.GetProperty("eventId").GetString() == fault.EventIds[0] && r.GetProperty("source").GetString() == "mqtt:" + fault.Topic,
            _ => r.GetProperty("eventId").GetString() == fault.EventIds[0],
        });

    private static IEnumerable<JsonElement> Naming(IReadOnlyList<JsonElement> violations, InjectedFault fault) => violations.Where(v =>
        v.GetProperty("kind").GetString() == fault.ExpectedViolationKind
        && v.GetProperty("evidence").EnumerateArray().Any(e => e.GetProperty("eventId").GetString() == fault.EventIds[0]));

    private static async Task<IReadOnlyList<JsonElement>> RejectionsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/rejections?limit=10000", Ct)).EnumerateArray().ToList();

    private static async Task<IReadOnlyList<JsonElement>> ViolationsAsync(HttpClient http)
    {
        var answer = await http.GetFromJsonAsync<JsonElement>("/api/violations?from=2015-12-01&to=2015-12-01&limit=1000", Ct);
        var list = answer.ValueKind == JsonValueKind.Array ? answer : answer.GetProperty("items");
        return list.EnumerateArray().ToList();
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForAsync(Func<Task<IReadOnlyList<JsonElement>>> read, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = await read();
            if (done(list) || clock.Elapsed > Patience)
            {
                return list;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, string? id)
    {
        await using var command = new SqliteCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<(int Exit, string Output)> RunSimulatorAsync(string db, string manifest)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "CitySort.Cli.dll"), "simulate", "--speed", "3600", "--broker", "127.0.0.1:" + _mqttPort.ToString(CultureInfo.InvariantCulture),
            "--inject-faults", "--from", "07:00", "--to", "08:00", "--gps-interval", "300", "--max-minutes", "5", "--faults-out", manifest, "--db", db,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "120";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
