using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CitySort.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitySort.Cli.Tests;

/// <summary>
/// <c>citysort bench kpis</c> end to end at a small scale (0.001: every district has events in every month), on SQLite and on PostgreSQL: the command generates the
/// city-year, serves it, times the API and the raw aggregate, and exits 0 only when they agree; each test then checks
/// the API's answer (written by the command) against its own sums over the raw weigh tickets, computed here from the
/// event tables, independently of the KPI code and of the command's aggregate, and that the rollups the generator wrote
/// (by day, site-day and vehicle-day) are the raw events' sums, as a rebuild would make them.
/// </summary>
public sealed class KpiBenchCommandTests
{
    private const string Scale = "0.001";

    [Fact]
    public async Task Bench_kpis_on_sqlite_answers_what_the_raw_tickets_say()
    {
        using var dir = new ScratchDirectory();
        var data = dir.File("data");

        var result = await Cli.RunAsync(dir.Path, Arguments(data, dir.File("out")));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Single(Directory.GetFiles(dir.File("out"), "kpis-sqlite-*.md"));
        var db = Path.Combine(data, $"sqlite-scale{Scale}-gps1-seed2015", "citysort.db");
        Dictionary<string, decimal> expected;
        await using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False"))
        {
            expected = await RawTicketFiguresAsync(connection, "substr(business_day, 1, 7)");
        }

        await using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False"))
        {
            await AssertRollupsAreTheRawEventsSumsAsync(connection);
        }

        AssertSameFigures(expected, await AnswerFiguresAsync(Path.Combine(data, "answer-sqlite-1x.json")));
    }

    [Fact]
    public async Task Bench_kpis_on_postgresql_answers_what_the_raw_tickets_say_at_each_multiple()
    {
        var admin = Environment.GetEnvironmentVariable("CITYSORT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Requires.Missing("PostgreSQL: set CITYSORT_TEST_POSTGRES to an Npgsql connection string of a role that may create databases");
        }

        using var dir = new ScratchDirectory();
        var data = dir.File("data");
        var name = "citysort_test_kpis_" + Guid.NewGuid().ToString("N");
        var maintenance = new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString;
        try
        {
            var result = await Cli.RunAsync(dir.Path, [.. Arguments(data, dir.File("out")), "--postgres", admin!, "--pg-database", name, "--keep-database", "--multiples", "1,2"]);

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Single(Directory.GetFiles(dir.File("out"), "kpis-postgresql-*.md"));
            Dictionary<string, decimal> expected;
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString))
            {
                expected = await RawTicketFiguresAsync(connection, "to_char(business_day, 'YYYY-MM')");
            }

            // At 2× the second layer's rollups were added onto the first's rows (the upserts' update branch).
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString))
            {
                await AssertRollupsAreTheRawEventsSumsAsync(connection);
            }

            // The database holds 2× when the command ends: the 2× answer is the one to match.
            AssertSameFigures(expected, await AnswerFiguresAsync(Path.Combine(data, "answer-postgresql-2x.json")));
            var once = await AnswerFiguresAsync(Path.Combine(data, "answer-postgresql-1x.json"));
            Assert.True(once.Sum(kv => kv.Value) < expected.Sum(kv => kv.Value), "the 1× answer holds less than the 2× database");
        }
        finally
        {
            await PostgresTestDatabases.DropAsync(maintenance, name);
        }
    }

    private static string[] Arguments(string data, string output) =>
        ["bench", "kpis", "--scale", Scale, "--data-dir", data, "--out", output, "--repeats", "3", "--warmup", "1", "--baseline-repeats", "1", "--port", FreePort().ToString(CultureInfo.InvariantCulture)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Per month and for the city (<c>*</c>) and each district: the W96-T4 rates' numerators and denominators over
    /// the tickets at receiving facilities (transfer stations, kind 7, left out), and residual tonnage (W96-T5:
    /// waste-to-energy plants and landfills, kinds 1 and 2), in tonnes = grams ÷ 1 000 000, from the raw tickets.
    /// </summary>
    private static async Task<Dictionary<string, decimal>> RawTicketFiguresAsync(DbConnection connection, string month)
    {
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {month}, district_code, facility_kind, is_sorted, is_treated, net_g FROM collection_tickets
            WHERE business_day >= '2015-01-01' AND business_day <= '2015-12-31'
            """;
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string key, long grams) => figures[key] = figures.GetValueOrDefault(key) + (grams / 1_000_000m);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var kind = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
            var net = Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture);
            foreach (var scope in new[] { reader.GetString(1), "*" })
            {
                var prefix = $"{reader.GetString(0)}|{scope}|";
                if (kind != 7)
                {
                    Add(prefix + "SortedTransportRate.numerator", Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0 ? net : 0);
                    Add(prefix + "SortedTransportRate.denominator", net);
                    Add(prefix + "HarmlessTreatmentRate.numerator", Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture) != 0 ? net : 0);
                    Add(prefix + "HarmlessTreatmentRate.denominator", net);
                }

                if (kind is 1 or 2)
                {
                    Add(prefix + "ResidualTonnage", net);
                }
            }
        }

        Assert.NotEmpty(figures);
        return figures.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The three rollup tables the generator wrote hold, row for row, what grouping the raw event tables gives (as a
    /// <c>citysort rebuild</c> would make them, but computed here in SQL): per day × district × area × category ×
    /// facility ('' for pickups) the pickup and ticket counts and grams (sorted and treated nets too); per site × day ×
    /// category the pickups, grams and the first pickup's Asia/Shanghai minute of the day ((ms ÷ 60 000 + 480) mod
    /// 1 440); per vehicle × day the pickups and tickets with their grams.
    /// </summary>
    private static async Task AssertRollupsAreTheRawEventsSumsAsync(DbConnection connection)
    {
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        async Task<Dictionary<string, long[]>> SumsAsync(string sql, int keys, Dictionary<string, long[]>? into = null, int at = 0, int width = 0)
        {
            var found = into ?? new Dictionary<string, long[]>(StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var key = string.Join("|", Enumerable.Range(0, keys).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
                var values = Enumerable.Range(keys, reader.FieldCount - keys).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
                if (into is null)
                {
                    found.Add(key, values);
                }
                else
                {
                    var row = found.TryGetValue(key, out var r) ? r : found[key] = new long[width];
                    values.CopyTo(row, at);
                }
            }

            return found;
        }

        static void AssertSameRows(string table, Dictionary<string, long[]> expected, Dictionary<string, long[]> actual)
        {
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, values) in expected)
            {
                Assert.True(values.SequenceEqual(actual[key]), $"{table} {key}: raw events {string.Join(",", values)}, rollup {string.Join(",", actual[key])}");
            }
        }

        const string Day = "CAST(business_day AS TEXT)";
        var daily = await SumsAsync($"SELECT {Day}, district_code, area_code, category, '', COUNT(*), SUM(estimated_g) FROM collection_pickups GROUP BY {Day}, district_code, area_code, category", 5, new(StringComparer.Ordinal), 0, 6);
        await SumsAsync($"""
            SELECT {Day}, district_code, area_code, category, facility_code, COUNT(*), SUM(net_g),
                SUM(CASE WHEN is_sorted <> 0 THEN net_g ELSE 0 END), SUM(CASE WHEN is_treated <> 0 THEN net_g ELSE 0 END)
            FROM collection_tickets GROUP BY {Day}, district_code, area_code, category, facility_code
            """, 5, daily, 2, 6);
        AssertSameRows("collection_rollup_daily", daily, await SumsAsync(
            $"SELECT {Day}, district_code, area_code, category, facility_code, pickup_count, pickup_estimated_g, ticket_count, ticket_net_g, ticket_sorted_net_g, ticket_treated_net_g FROM collection_rollup_daily", 5));

        AssertSameRows("collection_rollup_site_day",
            await SumsAsync($"SELECT {Day}, site_code, category, COUNT(*), SUM(estimated_g), MIN(((device_time_ms / 60000) + 480) % 1440) FROM collection_pickups GROUP BY {Day}, site_code, category", 3),
            await SumsAsync($"SELECT {Day}, site_code, category, pickup_count, pickup_estimated_g, first_pickup_minute FROM collection_rollup_site_day", 3));

        var vehicles = await SumsAsync($"SELECT {Day}, vehicle_plate, COUNT(*), SUM(estimated_g) FROM collection_pickups GROUP BY {Day}, vehicle_plate", 2, new(StringComparer.Ordinal), 0, 4);
        await SumsAsync($"SELECT {Day}, vehicle_plate, COUNT(*), SUM(net_g) FROM collection_tickets GROUP BY {Day}, vehicle_plate", 2, vehicles, 2, 4);
        AssertSameRows("collection_rollup_vehicle_day", vehicles, await SumsAsync(
            $"SELECT {Day}, vehicle_plate, pickup_count, pickup_estimated_g, ticket_count, ticket_net_g FROM collection_rollup_vehicle_day", 2));
    }

    /// <summary>The same keys from the API's answer (<c>GET /api/kpis?groupBy=month</c>) as the command wrote it.</summary>
    private static async Task<Dictionary<string, decimal>> AnswerFiguresAsync(string file)
    {
        using var answer = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var period in answer.RootElement.GetProperty("periods").EnumerateArray())
        {
            foreach (var figure in period.GetProperty("figures").EnumerateArray())
            {
                var kpi = figure.GetProperty("kpi").GetString();
                var district = figure.GetProperty("districtCode").ValueKind == JsonValueKind.Null ? "*" : figure.GetProperty("districtCode").GetString();
                var prefix = $"{period.GetProperty("period").GetString()}|{district}|{kpi}";
                if (kpi is "SortedTransportRate" or "HarmlessTreatmentRate")
                {
                    figures[prefix + ".numerator"] = figure.GetProperty("numerator").GetDecimal();
                    figures[prefix + ".denominator"] = figure.GetProperty("denominator").GetDecimal();
                }
                else if (kpi == "ResidualTonnage")
                {
                    figures[prefix] = figure.GetProperty("value").GetDecimal();
                }
            }
        }

        return figures.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private static void AssertSameFigures(Dictionary<string, decimal> expected, Dictionary<string, decimal> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            Assert.True(value == actual[key], $"{key}: raw tickets {value}, API {actual[key]}");
        }
    }
}
