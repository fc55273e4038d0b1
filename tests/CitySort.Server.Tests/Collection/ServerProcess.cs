using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// The real <c>citysort serve</c> process (the built CLI beside the tests) on a SQLite file, on 127.0.0.1 with the given
/// HTTP and MQTT ports; ready once the API answers and the in-process broker takes an anonymous (demo) connection.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, int httpPort, int mqttPort)
    {
        _process = process;
        HttpPort = httpPort;
        MqttPort = mqttPort;
    }

    public int HttpPort { get; }

    public int MqttPort { get; }

    public bool WasKilled { get; private set; }

    public static async Task<ServerProcess> StartAsync(string db, int httpPort, int mqttPort, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CitySort.Cli.dll"), "serve", "--urls", $"http://127.0.0.1:{httpPort}", "--db", db, "--mqtt-port", mqttPort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start)!, httpPort, mqttPort);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    public void Kill()
    {
        WasKilled = true;
        // Process.Kill sends SIGKILL on Unix: no shutdown hook, no flush.
        _process.Kill();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("the server exited with " + _process.ExitCode + ":\n" + Log());
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException("the server did not answer within " + StartTimeout + ":\n" + Log());
            }

            try
            {
                using var response = await http.GetAsync("/api/sites", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var (client, connected) = await MqttTestClient.ConnectAsync(MqttPort, null, null, cancellationToken);
                    using var _ = client;
                    if (connected == MqttClientConnectResultCode.Success)
                    {
                        await client.DisconnectAsync(cancellationToken: cancellationToken);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or MQTTnet.Exceptions.MqttCommunicationException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>What the process wrote to its standard output and error so far.</summary>
    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }
}
