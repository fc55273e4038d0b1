using System.Net;
using System.Net.Sockets;
using CitySort.Testing;

namespace CitySort.Cli.Tests;

/// <summary>
/// <c>citysort bench ingest</c> at a tiny scale, on SQLite and on PostgreSQL: it runs the real server, registers the
/// devices, measures both doors against their baselines, and writes its table and CSV. Only the shape of the result is
/// checked; speed is what the command measures, never what a test asserts.
/// </summary>
public sealed class IngestBenchCommandTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_tiny_bench_ingest_writes_both_figures_with_their_baselines(string provider)
    {
        using var scratch = new ScratchDirectory();
        var arguments = new List<string> { "bench", "ingest", "--out", scratch.Path, "--repeats", "1", "--scale", "0.003", "--devices", "3", "--http-in-flight", "2" };
        if (provider == "postgresql")
        {
            var admin = Environment.GetEnvironmentVariable("CITYSORT_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(admin))
            {
                Requires.Missing("PostgreSQL: set CITYSORT_TEST_POSTGRES to an Npgsql connection string of a role that may create databases");
            }

            arguments.AddRange(["--postgres", admin!]);
        }

        var (http, mqtt) = (FreePortPair(), FreePortPair());
        arguments.AddRange(["--http-port", http.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mqtt-port", mqtt.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var result = await Cli.RunAsync(scratch.Path, [.. arguments]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var name = provider == "postgresql" ? "PostgreSQL" : "SQLite";
        var table = Assert.Single(Directory.GetFiles(scratch.Path, $"ingest-{provider}-*.md"));
        Assert.Single(Directory.GetFiles(scratch.Path, $"ingest-{provider}-*.csv"));
        var rows = File.ReadAllLines(table).Where(l => l.StartsWith("| HTTP", StringComparison.Ordinal) || l.StartsWith("| MQTT", StringComparison.Ordinal)).ToList();
        // scale 0.003: 400 000 × 0.003 = 1 200 HTTP events, rounded to whole batches of 500: 1 000; MQTT 200 000 × 0.003 / 3 = 200 per device.
        Assert.Equal(2, rows.Count);
        // --http-in-flight 2: two batch requests in flight, named in the row.
        Assert.Contains($"from 3 devices, 2 requests in flight → {name}", rows[0], StringComparison.Ordinal);
        // The default MQTT window (8 in flight per device), the same for the door and its no-op baseline.
        Assert.Contains($"3 device connections, 8 in flight each, GPS fixes → {name}", rows[1], StringComparison.Ordinal);
        Assert.Contains("same broker, devices and clients (8 in flight each), no-op intake", rows[1], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Matches(@"\| \d+\.\d\d \| ≥ 0\.8 \| (yes|no) \|", r));
    }

    /// <summary>A loopback port that is free together with the next one (the bench's baseline server takes port + 1).</summary>
    private static int FreePortPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                if (port >= 65534)
                {
                    continue;
                }

                var second = new TcpListener(IPAddress.Loopback, port + 1);
                try
                {
                    second.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Taken: try another pair.
                }
                finally
                {
                    second.Stop();
                }
            }
            finally
            {
                first.Stop();
            }
        }

        throw new InvalidOperationException("no two adjacent free loopback ports were found");
    }
}
