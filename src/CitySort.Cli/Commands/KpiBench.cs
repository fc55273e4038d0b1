using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CitySort.Collection;
using CitySort.Policy;
using CitySort.Security;
using CitySort.Server;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CitySort.Cli.Commands;

/// <summary>
/// The runs of <c>citysort bench kpis</c>: a generated city-year (<see cref="KpiCityYear"/>) in the store, the real
/// server in process on 127.0.0.1, <c>GET /api/kpis</c> for the year by month (the city and every district) timed
/// over HTTP, and the plain SQL aggregate of the raw events (<see cref="KpiBenchRawAggregate"/>) timed in the same
/// run, with the check that both give the same figures. SQLite databases are kept in the data folder for the next
/// run; PostgreSQL databases are created for the run, grown layer by layer to the largest multiple, and dropped.
/// </summary>
internal sealed class KpiBench(KpiBenchSettings settings, Action<string> report, Action<string, int, int> progress)
{
    private static readonly DateOnly From = new(KpiCityYear.Year, 1, 1);
    private static readonly DateOnly To = new(KpiCityYear.Year, 12, 31);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly System.Net.CookieContainer _cookies = new();

    private static string Query => $"/api/kpis?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&groupBy=month";

    /// <summary>Runs the SQLite measurement (or, with <see cref="KpiBenchSettings.Postgres"/>, the PostgreSQL ones).</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One row per database measured.</returns>
    public Task<IReadOnlyList<KpiBenchRun>> RunAsync(CancellationToken cancellationToken) =>
        settings.Postgres is null ? SqliteAsync(cancellationToken) : PostgresAsync(settings.Postgres, cancellationToken);

    /// <summary>The folder of the cached SQLite city-year for the settings' scale and GPS share.</summary>
    public static string SqliteFolder(KpiBenchSettings settings) =>
        Path.Combine(settings.DataDirectory, FormattableString.Invariant($"sqlite-scale{settings.Scale:R}-gps{settings.GpsShare:R}-seed{settings.Seed}"));

    private async Task<IReadOnlyList<KpiBenchRun>> SqliteAsync(CancellationToken cancellationToken)
    {
        var folder = SqliteFolder(settings);
        var marker = Path.Combine(folder, "complete.json");
        var storage = StorageOptions.ForSqliteFile(Path.Combine(folder, StorageOptions.DefaultSqliteFileName));
        KpiBenchLoader.Counts counts;
        var generated = false;
        if (File.Exists(marker))
        {
            counts = JsonSerializer.Deserialize<KpiBenchLoader.Counts>(await File.ReadAllTextAsync(marker, cancellationToken), Json);
            report($"using the city-year cached in {folder}");
        }
        else
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            counts = default;
            generated = true;
        }

        var server = await StartAsync(storage, cancellationToken);
        await using (server)
        {
            if (generated)
            {
                counts = await GenerateAsync(storage, 0, cancellationToken);
                await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(counts, Json), cancellationToken);
            }

            var run = await MeasureAsync("SQLite", storage, 1, counts, cancellationToken);
            await server.StopAsync(cancellationToken);
            SqliteConnection.ClearAllPools();
            return [run];
        }
    }

    private async Task<IReadOnlyList<KpiBenchRun>> PostgresAsync(string admin, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString;
        var name = settings.PostgresDatabase;
        await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        await ExecuteAsync(maintenance, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var storage = StorageOptions.ForPostgreSql(new NpgsqlConnectionStringBuilder(admin) { Database = name, CommandTimeout = 3600 }.ConnectionString);
        var runs = new List<KpiBenchRun>();
        try
        {
            var server = await StartAsync(storage, cancellationToken);
            await using (server)
            {
                var counts = default(KpiBenchLoader.Counts);
                for (var multiple = 1; multiple <= settings.Multiples.Max(); multiple++)
                {
                    if (multiple > 1 && FreeGigabytes() is { } free && free < settings.MinFreeGigabytes)
                    {
                        report(FormattableString.Invariant($"stopped before {multiple}×: {free:F1} GB free on the disk, under --min-free-gb {settings.MinFreeGigabytes}"));
                        break;
                    }

                    counts += await GenerateAsync(storage, multiple - 1, cancellationToken);
                    if (settings.Multiples.Contains(multiple))
                    {
                        await ExecuteAsync(storage.ConnectionString, "ANALYZE", cancellationToken);
                        runs.Add(await MeasureAsync("PostgreSQL", storage, multiple, counts, cancellationToken));
                    }
                }

                await server.StopAsync(cancellationToken);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!settings.KeepDatabase)
            {
                await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
                report($"dropped the database {name}");
            }
        }

        return runs;
    }

    private async Task<WebApplication> StartAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        var server = CitySortServer.Build(new ServerOptions
        {
            Urls = $"http://127.0.0.1:{settings.Port}",
            Storage = storage,
            SeedDemo = true,
            Mqtt = new CitySort.Server.Mqtt.MqttDoorOptions { Enabled = false },
        });
        await server.StartAsync(cancellationToken);

        // The API answers once the database is migrated and the demo city seeded; the first answer says it is. The
        // benchmark reads as an inspector of its own, created through Identity and signed in like the dashboard.
        using var client = Client();
        using (var ready = await client.GetAsync("/api/auth/me", cancellationToken))
        {
            ready.EnsureSuccessStatusCode();
        }

        var userName = "bench-kpis-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(new NewUserAccount(userName, CitySortRoles.Inspector, password), cancellationToken);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("The benchmark account was not created: " + string.Join("; ", added.Problems.Select(p => p.En)));
            }
        }

        using (var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password }, cancellationToken))
        {
            signIn.EnsureSuccessStatusCode();
        }

        using var response = await client.GetAsync(FormattableString.Invariant($"/api/kpis?from={From:yyyy-MM-dd}&to={From:yyyy-MM-dd}"), cancellationToken);
        response.EnsureSuccessStatusCode();
        return server;
    }

    private async Task<KpiBenchLoader.Counts> GenerateAsync(StorageOptions storage, int layer, CancellationToken cancellationToken)
    {
        var year = await KpiCityYear.LoadAsync(storage, ProfileLoader.LoadDefault(), settings.Scale, settings.GpsShare, settings.Seed, cancellationToken);
        report($"layer {layer}: {year.Collections} site collections by {year.Vehicles} vehicles, {year.Rounds} round(s) a day");
        var clock = Stopwatch.StartNew();
        var label = layer == 0 ? "city-year" : $"layer {layer + 1}×";
        var counts = await KpiBenchLoader.WriteAsync(storage, year, layer, (days, c) => progress(
            FormattableString.Invariant($"{label}: {c.Pickups:N0} pickups, {c.Tickets:N0} tickets, {c.GpsFixes:N0} GPS fixes"), days, 365), cancellationToken);
        report(FormattableString.Invariant($"{label}: {counts.Pickups:N0} pickups, {counts.Tickets:N0} tickets, {counts.GpsFixes:N0} GPS fixes in {clock.Elapsed.TotalMinutes:F1} min"));
        return counts;
    }

    private async Task<KpiBenchRun> MeasureAsync(string provider, StorageOptions storage, int multiple, KpiBenchLoader.Counts counts, CancellationToken cancellationToken)
    {
        using var client = Client();
        var api = new List<double>();
        string body = string.Empty;
        for (var i = 0; i < settings.Warmup + settings.Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(Query, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {Query}: {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
            }

            if (i >= settings.Warmup)
            {
                api.Add(clock.Elapsed.TotalMilliseconds);
            }

            progress($"{provider} {multiple}×: GET /api/kpis", i + 1, settings.Warmup + settings.Repeats);
        }

        var answer = JsonSerializer.Deserialize<KpiReport>(body, Json) ?? throw new InvalidOperationException("GET /api/kpis gave no answer");
        var deadline = KpiCalculator.ClearanceTime(ProfileLoader.LoadDefault());
        var deadlineMinute = (deadline.Hour * 60) + deadline.Minute;
        var raw = new List<double>();
        List<KpiBenchRawAggregate.Row> rows = [];
        for (var i = 0; i < 1 + settings.BaselineRepeats; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = await KpiBenchRawAggregate.RunAsync(storage, From, To, deadlineMinute, cancellationToken);
            clock.Stop();
            if (i >= 1)
            {
                raw.Add(clock.Elapsed.TotalMilliseconds);
            }

            progress($"{provider} {multiple}×: raw SQL aggregate", i + 1, 1 + settings.BaselineRepeats);
        }

        var rawFigures = KpiBenchRawAggregate.Figures(rows);
        var differences = KpiBenchRawAggregate.Differences(rawFigures, KpiBenchRawAggregate.Figures(answer));
        var answerFile = Path.Combine(settings.DataDirectory, FormattableString.Invariant($"answer-{provider.ToLowerInvariant()}-{multiple}x.json"));
        Directory.CreateDirectory(settings.DataDirectory);
        await File.WriteAllTextAsync(answerFile, body, cancellationToken);
        report(FormattableString.Invariant($"{provider} {multiple}×: {rawFigures.Count} figures compared, {differences.Count} differ; the answer is in {answerFile}"));
        foreach (var difference in differences.Take(20))
        {
            report("  differs: " + difference);
        }

        return new KpiBenchRun(provider, multiple, counts.Pickups, counts.Tickets, counts.GpsFixes, api, raw, rawFigures.Count, differences.Count, body.Length);
    }

    /// <summary>A client of the in-process server that shares the benchmark's sign-in cookie.</summary>
    private HttpClient Client() => new(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{settings.Port}"), Timeout = TimeSpan.FromMinutes(10) };

    private double? FreeGigabytes()
    {
        try
        {
            var root = Path.GetPathRoot(Path.GetFullPath(settings.DataDirectory));
            return root is null ? null : new DriveInfo(root).AvailableFreeSpace / 1e9;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
