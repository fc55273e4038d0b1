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

    /// <summary>The city administrator created with <c>citysort users add</c> before the first start.</summary>
    public const string AdminUserName = "process-admin";

    /// <summary>The administrator's password (given to <c>users add</c> on standard input).</summary>
    public const string AdminPassword = "process-admin-password-7f3k";

    /// <summary>A client signed in as <see cref="AdminUserName"/> through the real sign-in.</summary>
    public Task<HttpClient> SignedInClientAsync(CancellationToken cancellationToken) =>
        CitySort.Testing.SignIn.ClientAsync(new Uri($"http://127.0.0.1:{HttpPort}/"), AdminUserName, AdminPassword, cancellationToken);

    public static async Task<ServerProcess> StartAsync(string db, int httpPort, int mqttPort, CancellationToken cancellationToken)
    {
        await AddAdministratorAsync(db, cancellationToken);
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
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            // A server that never became ready is not left running.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Runs <c>citysort users add --role admin</c> on <paramref name="db"/> unless the account exists (a restart).</summary>
    private static async Task AddAdministratorAsync(string db, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CitySort.Cli.dll"), "users", "add", "--role", "admin", "--name", AdminUserName, "--db", db })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(AdminPassword);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var errors = await error;
        if (process.ExitCode != 0 && !errors.Contains("taken", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("users add exited with " + process.ExitCode + ":\n" + await output + errors);
        }
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
                // Ready: the registry migrated and seeded, the MQTT door listening.
                using var response = await http.GetAsync("/health/ready", cancellationToken);
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
