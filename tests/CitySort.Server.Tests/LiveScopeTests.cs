using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Security;
using CitySort.Server.Live;
using CitySort.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// The live hub's district and hauler groups (issue 12: no other district's or hauler's record by any SignalR group):
/// two district officers and two haulers signed in over HTTP, each with a real SignalR client
/// (Microsoft.AspNetCore.SignalR.Client) on the server's own /hubs/live, while GPS fixes of a Lucheng and an Ouhai
/// vehicle come in through POST /api/events.
/// </summary>
public sealed class LiveScopeTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    // Lucheng (330302) has the vehicle 浙CA1234 of the hauler SAN-LC (Data/test_vehicles.csv); the Ouhai (330304)
    // vehicle is added here, run by the hauler SAN-LW.
    private const string LuchengPlate = "浙CA1234";
    private const string OuhaiPlate = "浙C0H001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each fix one second after the one before (from an hour ago, within the intake's window), so that every fix is
    // newer than the vehicle's last and moves it on the position board.
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow.AddHours(-1);
    private int fixes;

    private string NextDeviceTime() =>
        start.AddSeconds(++fixes).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_district_officer_and_each_hauler_hears_its_own_vehicle_and_never_the_other_one()
    {
        var server = fixture.Server;
        var devices = await ArrangeAsync(server);
        await using var ouhai = await ConnectAsync(server, CitySortRoles.DistrictOfficer, "330304");
        await using var lucheng = await ConnectAsync(server, CitySortRoles.DistrictOfficer, "330302");
        await using var city = await ConnectAsync(server, CitySortRoles.CityOfficer, null);
        await using var luchengHauler = await ConnectAsync(server, CitySortRoles.Hauler, "SAN-LC");
        await using var ouhaiHauler = await ConnectAsync(server, CitySortRoles.Hauler, "SAN-LW");

        // Three rounds of one fix each, then two more Ouhai fixes, each sent after the one before was heard: the
        // feed sends from one loop in order, so by the time the last one is heard every Lucheng message to any group
        // has been sent, and a Lucheng message in the Ouhai group would have arrived before it.
        for (var round = 0; round < 3; round++)
        {
            await PostFixAsync(server, devices.Lucheng, LuchengPlate);
            await PostFixAsync(server, devices.Ouhai, OuhaiPlate);
        }

        await Eventually.TrueAsync(() => Task.FromResult(ouhai.Count(OuhaiPlate) > 0 && lucheng.Count(LuchengPlate) > 0), TimeSpan.FromSeconds(30), "the officers heard their own vehicles");
        for (var marker = 0; marker < 2; marker++)
        {
            var heard = ouhai.Count(OuhaiPlate);
            await PostFixAsync(server, devices.Ouhai, OuhaiPlate);
            await Eventually.TrueAsync(() => Task.FromResult(ouhai.Count(OuhaiPlate) > heard), TimeSpan.FromSeconds(30), "the Ouhai officer heard the marker fix " + marker);
        }

        // 8 fixes accepted: 3 Lucheng, 5 Ouhai. The batch notices add up to them per group once all are sent.
        await Eventually.TrueAsync(() => Task.FromResult(city.Accepted == 8 && lucheng.Accepted == 3), TimeSpan.FromSeconds(30), "the city heard 8 accepted events and Lucheng 3");
        Assert.Equal(0, ouhai.Count(LuchengPlate));
        Assert.Equal(0, lucheng.Count(OuhaiPlate));
        Assert.True(city.Count(LuchengPlate) > 0 && city.Count(OuhaiPlate) > 0, "the city officer hears both vehicles");
        Assert.Equal(5, ouhai.Accepted);
        Assert.All(ouhai.Notices, n => Assert.Equal(0, n.GetProperty("rejectedCount").GetInt32()));

        // The haulers' groups (hauler:SAN-LC, hauler:SAN-LW) are sent in the same loop before the last marker was
        // heard by Ouhai: SAN-LC runs the Lucheng vehicle (3 fixes), SAN-LW the Ouhai one (5 fixes).
        await Eventually.TrueAsync(() => Task.FromResult(luchengHauler.Accepted == 3 && ouhaiHauler.Accepted == 5), TimeSpan.FromSeconds(30), "the haulers heard 3 and 5 accepted events");
        Assert.True(luchengHauler.Count(LuchengPlate) > 0 && ouhaiHauler.Count(OuhaiPlate) > 0, "each hauler hears its own vehicle");
        Assert.Equal(0, luchengHauler.Count(OuhaiPlate));
        Assert.Equal(0, ouhaiHauler.Count(LuchengPlate));
        using var haulerPositions = await ouhaiHauler.Http.GetAsync(new Uri("api/vehicles/positions", UriKind.Relative), Ct);
        var haulerBoard = await haulerPositions.Content.ReadAsStringAsync(Ct);
        Assert.Contains(OuhaiPlate, haulerBoard, StringComparison.Ordinal);
        Assert.DoesNotContain(LuchengPlate, haulerBoard, StringComparison.Ordinal);

        // The same holds for the starting state of the live map (GET /api/vehicles/positions).
        using var positions = await ouhai.Http.GetAsync(new Uri("api/vehicles/positions", UriKind.Relative), Ct);
        var board = await positions.Content.ReadAsStringAsync(Ct);
        Assert.Contains(OuhaiPlate, board, StringComparison.Ordinal);
        Assert.DoesNotContain(LuchengPlate, board, StringComparison.Ordinal);
    }

    /// <summary>Adds the Ouhai vehicle and a GPS device for each vehicle; returns the devices' ids and keys.</summary>
    private static async Task<((string Id, string Key) Lucheng, (string Id, string Key) Ouhai)> ArrangeAsync(RunningServer server)
    {
        var vehicle = new { plate = OuhaiPlate, districtCode = "330304", haulerCode = "SAN-LW", dedicatedCategory = "Kitchen", capacityKg = 3000, capacityCubicMetres = 8, @sealed = true };
        using (var created = await server.Client.PostAsJsonAsync(new Uri("api/vehicles", UriKind.Relative), vehicle, Ct))
        {
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, (int)created.StatusCode + ": " + await created.Content.ReadAsStringAsync(Ct));
        }

        var service = server.Services.GetRequiredService<DeviceService>();
        async Task<(string, string)> AddAsync(string plate)
        {
            var id = "gps-" + Guid.NewGuid().ToString("N")[..10];
            var added = await service.AddAsync(new DeviceRegistration(id, DeviceKind.Vehicle, plate), Ct);
            Assert.True(added.Succeeded, string.Join("; ", added.Problems));
            return (id, added.Secret!);
        }

        return (await AddAsync(LuchengPlate), await AddAsync(OuhaiPlate));
    }

    private async Task PostFixAsync(RunningServer server, (string Id, string Key) device, string plate)
    {
        var body = $$$"""{"events":[{"kind":"gps","eventId":"G-{{{Guid.NewGuid():N}}}","deviceTime":"{{{NextDeviceTime()}}}","vehiclePlate":"{{{plate}}}","point":{"longitude":120.65,"latitude":28.01,"datum":"wgs84"}}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/events", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Device-Id", device.Id);
        request.Headers.Add("X-Device-Key", device.Key);
        using var response = await server.AnonymousClient().SendAsync(request, Ct);
        var answer = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK && answer.Contains("\"accepted\"", StringComparison.OrdinalIgnoreCase), answer);
    }

    /// <summary>Signs in an account of <paramref name="role"/> scoped to <paramref name="scope"/> (a district code, a hauler code, or none) and connects to the hub with its cookie.</summary>
    private static async Task<Listener> ConnectAsync(RunningServer server, string role, string? scope)
    {
        var (user, password) = role switch
        {
            CitySortRoles.DistrictOfficer => await server.CreateUserAsync(role, [scope!], cancellationToken: Ct),
            CitySortRoles.Hauler => await server.CreateUserAsync(role, hauler: scope, cancellationToken: Ct),
            _ => await server.CreateUserAsync(role, cancellationToken: Ct),
        };
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseAddress };
        using (var signIn = await http.PostAsJsonAsync(new Uri("api/auth/sign-in", UriKind.Relative), new { userName = user, password }, Ct))
        {
            signIn.EnsureSuccessStatusCode();
        }

        var listener = new Listener(http, new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveHub.Path.TrimStart('/')), o => o.Cookies = cookies)
            .Build());
        listener.Connection.On<JsonElement>(LiveHub.VehiclePositionMethod, m => listener.Plates.Add(m.GetProperty("plate").GetString()!));
        listener.Connection.On<JsonElement>(LiveHub.BatchCommittedMethod, m => listener.Notices.Add(m.Clone()));
        await listener.Connection.StartAsync(Ct);
        return listener;
    }

    /// <summary>One signed-in hub connection and what it heard.</summary>
    private sealed class Listener(HttpClient http, HubConnection connection) : IAsyncDisposable
    {
        public HttpClient Http { get; } = http;

        public HubConnection Connection { get; } = connection;

        public ConcurrentBag<string> Plates { get; } = [];

        public ConcurrentBag<JsonElement> Notices { get; } = [];

        /// <summary>The accepted events the batch notices counted so far.</summary>
        public int Accepted => Notices.Sum(n => n.GetProperty("acceptedCount").GetInt32());

        public int Count(string plate) => Plates.Count(p => p == plate);

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            Http.Dispose();
        }
    }
}
