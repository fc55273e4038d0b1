using CitySort.Server;
using Microsoft.AspNetCore.Builder;

namespace CitySort.Server.Tests;

/// <summary>
/// A CitySort server started through <see cref="CitySortServer.Build"/> on Kestrel at 127.0.0.1 with a free port,
/// with an <see cref="HttpClient"/> aimed at it: the real HTTP pipeline, no test host.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The address the server listens on, such as http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's services (the device registry, the database).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client whose base address is the server.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Builds and starts a server with <paramref name="options"/>, its URLs replaced by 127.0.0.1 port 0; the MQTT door
    /// is left out unless the options configure it (the default port 1883 is not the tests' to take).
    /// </summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mqtt = options.Mqtt == new CitySort.Server.Mqtt.MqttDoorOptions() ? options.Mqtt with { Enabled = false } : options.Mqtt;
        var app = CitySortServer.Build(options with { Urls = "http://127.0.0.1:0", Mqtt = mqtt });
        await app.StartAsync(cancellationToken);
        var address = CitySortServer.ListeningAddresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new RunningServer(app, new Uri(address + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
