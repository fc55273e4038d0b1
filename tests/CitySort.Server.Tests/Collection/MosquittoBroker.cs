using System.Diagnostics;
using System.Net.Sockets;
using CitySort.Testing;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// A real Mosquitto broker started by the test on a free 127.0.0.1 port, with its configuration in a temporary folder
/// (anonymous clients allowed, no persistence), stopped and removed on dispose. Skips (fails under CI) without Mosquitto.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private MosquittoBroker(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <summary>The broker's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The broker's URL for <c>serve --mqtt-broker</c>.</summary>
    public Uri Url => new("mqtt://127.0.0.1:" + Port);

    /// <summary>Starts the broker and waits until it accepts connections.</summary>
    public static async Task<MosquittoBroker> StartAsync(CancellationToken cancellationToken)
    {
        var executable = Requires.Mosquitto();
        var folder = Directory.CreateTempSubdirectory("citysort-mosquitto-");
        var port = DoorsFixture.FreePort();
        var config = Path.Combine(folder.FullName, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            max_queued_messages 10000
            log_dest stderr
            """ + "\n", cancellationToken);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var broker = new MosquittoBroker(process, folder, port);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            Assert.False(process.HasExited, "mosquitto exited with code " + (process.HasExited ? process.ExitCode : 0));
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, timeout.Token);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
