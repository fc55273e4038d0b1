using System.Net;
using System.Net.Sockets;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Server.Mqtt;
using CitySort.Storage;
using CitySort.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests.Collection;

/// <summary>
/// A server on the demo city (SQLite) whose doors submit to a <see cref="RecordingIntake"/>, with anonymous devices
/// refused, the in-process MQTT broker on a free port, and four registered devices: vehicle units <c>truck-a</c> and
/// <c>truck-b</c> of two demo vehicles, weighbridge <c>wb-a</c> of a demo facility, and <c>truck-old</c>, revoked.
/// <see cref="RealIntakeDoorsFixture"/> is the same with the stored intake instead.
/// </summary>
public class DoorsFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>True to leave the stored intake in place (<see cref="Intake"/> then sees nothing).</summary>
    protected virtual bool UseStoredIntake => false;

    /// <summary>A site code of the demo city.</summary>
    public string SiteA { get; private set; } = string.Empty;

    /// <summary>The intake the doors submit to.</summary>
    public RecordingIntake Intake { get; } = new();

    /// <summary>The running server.</summary>
    public RunningServer Server { get; private set; } = null!;

    /// <summary>The in-process broker's port.</summary>
    public int MqttPort { get; private set; }

    /// <summary>The plate of <c>truck-a</c>.</summary>
    public string PlateA { get; private set; } = string.Empty;

    /// <summary>The plate of <c>truck-b</c>.</summary>
    public string PlateB { get; private set; } = string.Empty;

    /// <summary>The facility of <c>wb-a</c>.</summary>
    public string FacilityA { get; private set; } = string.Empty;

    /// <summary>The secrets by device id.</summary>
    public Dictionary<string, string> Secrets { get; } = [];

    /// <summary>A free TCP port on 127.0.0.1 (taken from the system and released at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        MqttPort = FreePort();
        Server = await RunningServer.StartAsync(new ServerOptions
        {
            Storage = _database.Storage,
            SeedDemo = true,
            AcceptAnonymousDevices = false,
            EventIntake = UseStoredIntake ? null : Intake,
            Mqtt = new MqttDoorOptions { Port = MqttPort, BatchLingerMilliseconds = 2 },
            RevocationCheckInterval = TimeSpan.FromMilliseconds(200),
        });

        // The API waits for the demo city; one call makes sure it is there before the registry is read.
        using (var ready = await Server.Client.GetAsync(new Uri("api/vehicles", UriKind.Relative)))
        {
            ready.EnsureSuccessStatusCode();
        }

        var factory = Server.Services.GetRequiredService<IDbContextFactory<CitySortDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var plates = await db.Vehicles.OrderBy(v => v.Plate).Select(v => v.Plate).Take(3).ToListAsync();
            (PlateA, PlateB) = (plates[0], plates[1]);
            FacilityA = await db.Facilities.OrderBy(f => f.Code).Select(f => f.Code).FirstAsync();
            SiteA = await db.Sites.OrderBy(s => s.Code).Select(s => s.Code).FirstAsync();
        }

        var devices = Server.Services.GetRequiredService<DeviceService>();
        await AddAsync(devices, new DeviceRegistration("truck-a", DeviceKind.Vehicle, PlateA));
        await AddAsync(devices, new DeviceRegistration("truck-b", DeviceKind.Vehicle, PlateB));
        await AddAsync(devices, new DeviceRegistration("wb-a", DeviceKind.Weighbridge, FacilityCode: FacilityA));
        await AddAsync(devices, new DeviceRegistration("truck-old", DeviceKind.Vehicle, PlateA));
        await devices.RevokeAsync("truck-old", CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task AddAsync(DeviceService devices, DeviceRegistration registration)
    {
        var result = await devices.AddAsync(registration, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Problems));
        }

        Secrets[registration.Id] = result.Secret!;
    }
}
