using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitySort.Storage;
using Microsoft.Data.Sqlite;

namespace CitySort.Server.Tests;

/// <summary>
/// The online SQLite backup (issue 12 item 4): taken while a running server takes in a burst of pickups through the
/// real intake (<c>POST /api/events</c>, demo mode) and registry edits (<c>PUT /api/sites/{code}</c>), it holds one
/// committed state: every event acknowledged before it started, append-only rows (events, audit entries) that are all
/// in the source, rollups that add up to its own pickups, each edited site at the version its own last audit entry
/// names; restored into a fresh database it is equal to itself row by row; and neither command overwrites a file.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private const int Batches = 24;
    private const int EventsPerBatch = 50;
    private const int Edits = 12;

    private static readonly DateTimeOffset Day = new(2015, 12, 1, 7, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "citysort-backup-" + Guid.NewGuid().ToString("N"))).FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_events_and_edits_holds_one_committed_state_and_restores_equal_row_by_row()
    {
        var source = Path.Combine(_folder, "citysort.db");
        var backup = Path.Combine(_folder, "backup.db");
        var restored = Path.Combine(_folder, "restored.db");
        var storage = StorageOptions.ForSqliteFile(source);
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = storage, SeedDemo = true }, Ct);
        var plate = (await server.Client.GetFromJsonAsync<JsonElement>("api/vehicles", Ct))[0].GetProperty("plate").GetString()!;
        var sites = (await server.Client.GetFromJsonAsync<JsonElement>("api/sites?pageSize=3", Ct)).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToArray();

        var acknowledged = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var events = Task.Run(() => SendPickupsAsync(server.Client, plate, sites[0], acknowledged), Ct);
        var edits = Task.Run(() => EditSitesAsync(server.Client, sites), Ct);
        await WaitUntilAsync(() => acknowledged.Count >= Batches * EventsPerBatch / 3 || events.IsCompleted, TimeSpan.FromMinutes(2));
        var acknowledgedBefore = acknowledged.Keys.ToHashSet(StringComparer.Ordinal);
        var error = await SqliteBackup.BackupAsync(storage.ConnectionString, backup, Ct);
        await Task.WhenAll(events, edits);
        Assert.Null(error);
        Assert.True(acknowledged.Count > acknowledgedBefore.Count || !events.IsCompletedSuccessfully, "the burst ended before the backup; it proved nothing");

        await using var fromBackup = await OpenAsync(backup);
        await using var fromSource = await OpenAsync(source);

        // Every event acknowledged before the backup started is in it.
        var backedUpEvents = await StringsAsync(fromBackup, "SELECT event_id FROM collection_event_keys WHERE device_id = 'demo'");
        Assert.Empty(acknowledgedBefore.Except(backedUpEvents));
        Assert.True(backedUpEvents.Count < acknowledged.Count, $"the backup holds {backedUpEvents.Count} of {acknowledged.Count} events: it was not taken during the burst");
        // Append-only tables: every row of the backup is in the source, all columns equal.
        foreach (var table in new[] { "collection_event_keys", "collection_pickups", "AuditEntries" })
        {
            var inSource = (await RowsAsync(fromSource, table)).ToHashSet(StringComparer.Ordinal);
            var missing = (await RowsAsync(fromBackup, table)).Where(r => !inSource.Contains(r)).Take(3).ToList();
            Assert.True(missing.Count == 0, table + ": rows of the backup not in the source: " + string.Join(" | ", missing));
        }

        // One committed state: the daily rollups add up to the backup's own pickups (appended with them in one transaction).
        Assert.Equal(
            await LongAsync(fromBackup, "SELECT COUNT(*) FROM collection_pickups"),
            await LongAsync(fromBackup, "SELECT COALESCE(SUM(pickup_count), 0) FROM collection_rollup_daily"));
        // Each edited site is at the version and name its own last audit entry gives (written in the edit's transaction).
        foreach (var code in sites)
        {
            var after = await StringAsync(fromBackup, $"SELECT \"AfterJson\" FROM \"AuditEntries\" WHERE \"Entity\" = 'Site' AND \"Key\" = '{code}' ORDER BY \"Id\" DESC LIMIT 1");
            using var last = JsonDocument.Parse(after);
            var row = await StringAsync(fromBackup, $"SELECT \"Name\" || '|' || \"Version\" FROM \"Sites\" WHERE \"Code\" = '{code}'");
            Assert.Equal(last.RootElement.GetProperty("Name").GetString() + "|" + last.RootElement.GetProperty("Version").GetInt32().ToString(CultureInfo.InvariantCulture), row);
        }

        // Restored into a fresh database: every table equal to the backup's, row by row.
        Assert.Null(await SqliteBackup.RestoreAsync(backup, restored, Ct));
        await using var fromRestored = await OpenAsync(restored);
        var tables = await StringsAsync(fromBackup, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        Assert.Contains("Sites", tables);
        Assert.Contains("collection_pickups", tables);
        foreach (var table in tables)
        {
            Assert.Equal(await RowsAsync(fromBackup, table), await RowsAsync(fromRestored, table));
        }

        // Neither overwrites: a second backup to the same file and a restore over a database are refused.
        Assert.NotNull(await SqliteBackup.BackupAsync(storage.ConnectionString, backup, Ct));
        Assert.NotNull(await SqliteBackup.RestoreAsync(backup, source, Ct));
    }

    private static async Task SendPickupsAsync(HttpClient client, string plate, string siteCode, ConcurrentDictionary<string, byte> acknowledged)
    {
        for (var b = 0; b < Batches; b++)
        {
            var batch = Enumerable.Range(0, EventsPerBatch).Select(i =>
            {
                var n = (b * EventsPerBatch) + i;
                var time = Day.AddSeconds(n).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                return $$"""{"kind":"pickup","eventId":"B-{{n}}","deviceTime":"{{time}}","vehiclePlate":"{{plate}}","siteCode":"{{siteCode}}","category":"Other","estimatedKg":{{1 + (n % 40)}}}""";
            });
            using var body = new StringContent("{\"events\":[" + string.Join(",", batch) + "]}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("api/events", UriKind.Relative), body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, text);
            using var answer = JsonDocument.Parse(text);
            foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
            {
                Assert.Equal("accepted", result.GetProperty("outcome").GetString());
                acknowledged[result.GetProperty("eventId").GetString()!] = 0;
            }
        }
    }

    private static async Task EditSitesAsync(HttpClient client, IReadOnlyList<string> sites)
    {
        for (var e = 0; e < Edits; e++)
        {
            var code = sites[e % sites.Count];
            var site = JsonNode.Parse(await client.GetStringAsync(new Uri("api/sites/" + code, UriKind.Relative), Ct))!.AsObject();
            site["name"] = "备份测试点位 " + e.ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("api/sites/" + code, UriKind.Relative))
            {
                Content = new StringContent(site.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(request, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <paramref name="timeout"/>.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not hold within " + timeout);
            await Task.Delay(10, Ct);
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    /// <summary>Every row of <paramref name="table"/> as one text (columns joined by a unit separator), in a fixed order.</summary>
    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string table)
    {
        await using var command = new SqliteCommand($"SELECT * FROM \"{table}\"", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<HashSet<string>> StringsAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<string> StringAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture)!;
    }

    private static async Task<long> LongAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
