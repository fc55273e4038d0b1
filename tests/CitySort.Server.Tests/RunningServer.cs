using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CitySort.Security;
using CitySort.Server;
using CitySort.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Tests;

/// <summary>
/// A CitySort server started through <see cref="CitySortServer.Build"/> on Kestrel at 127.0.0.1 with a free port,
/// with an <see cref="HttpClient"/> aimed at it signed in as a city administrator: the real HTTP pipeline and the
/// real sign-in, no test host. Further users of any role are created through the server's own Identity services
/// (<see cref="UserAccounts"/>) and signed in over HTTP like the dashboard does.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];
    private int _users;

    private RunningServer(WebApplication app, Uri baseAddress, HttpClient client, CookieContainer cookies, string adminUserName, string adminPassword)
    {
        AdminUserName = adminUserName;
        _app = app;
        BaseAddress = baseAddress;
        Client = client;
        AdminCookie = SignIn.CookieOf(cookies, baseAddress);
        AdminPassword = adminPassword;
    }

    /// <summary>The user name of the administrator whose client is <see cref="Client"/> (new on every start, so that a second server on the same database adds its own).</summary>
    public string AdminUserName { get; }

    /// <summary>The address the server listens on, such as http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's services (the device registry, the database).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client whose base address is the server, signed in as the city administrator <see cref="AdminUserName"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The administrator's sign-in cookie (for a browser context).</summary>
    public Cookie AdminCookie { get; }

    /// <summary>The administrator's password (random per server).</summary>
    public string AdminPassword { get; }

    /// <summary>
    /// Builds and starts a server with <paramref name="options"/>, its URLs replaced by 127.0.0.1 port 0; the MQTT door
    /// is left out unless the options configure it (the default port 1883 is not the tests' to take). A city
    /// administrator is created and <see cref="Client"/> signed in as it.
    /// </summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mqtt = options.Mqtt == new CitySort.Server.Mqtt.MqttDoorOptions() ? options.Mqtt with { Enabled = false } : options.Mqtt;
        var app = CitySortServer.Build(options with { Urls = "http://127.0.0.1:0", Mqtt = mqtt });
        await app.StartAsync(cancellationToken);
        var address = CitySortServer.ListeningAddresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        var baseAddress = new Uri(address + "/");
        var password = NewPassword();
        var adminUserName = "test-admin-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        await CreateAsync(app.Services, baseAddress, new NewUserAccount(adminUserName, CitySortRoles.CityAdministrator, password), cancellationToken);
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using (var response = await client.PostAsJsonAsync(new Uri("api/auth/sign-in", UriKind.Relative), new { userName = adminUserName, password }, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
        }

        await SignIn.UseAntiforgeryTokenAsync(client, cancellationToken);
        return new RunningServer(app, baseAddress, client, cookies, adminUserName, password);
    }

    /// <summary>
    /// Creates a user of <paramref name="role"/> (with the districts of a district officer or the hauler of a hauler)
    /// and returns a client signed in as it; the client is disposed with the server.
    /// </summary>
    /// <param name="role">A role of <see cref="CitySortRoles"/>.</param>
    /// <param name="districts">The district codes of a district officer.</param>
    /// <param name="hauler">The hauler code of a hauler.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<HttpClient> ClientForAsync(string role, IReadOnlyList<string>? districts = null, string? hauler = null, CancellationToken cancellationToken = default)
    {
        var (userName, password) = await CreateUserAsync(role, districts, hauler, cancellationToken);
        var client = await SignIn.ClientAsync(BaseAddress, userName, password, cancellationToken);
        _clients.Add(client);
        return client;
    }

    /// <summary>Creates a user of <paramref name="role"/> with a random password and returns its name and password.</summary>
    /// <param name="role">A role of <see cref="CitySortRoles"/>.</param>
    /// <param name="districts">The district codes of a district officer.</param>
    /// <param name="hauler">The hauler code of a hauler.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<(string UserName, string Password)> CreateUserAsync(string role, IReadOnlyList<string>? districts = null, string? hauler = null, CancellationToken cancellationToken = default)
    {
        var userName = role + "-" + Interlocked.Increment(ref _users) + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var password = NewPassword();
        await CreateAsync(Services, BaseAddress, new NewUserAccount(userName, role, password, districts, hauler), cancellationToken);
        return (userName, password);
    }

    /// <summary>A client with no sign-in; disposed with the server.</summary>
    public HttpClient AnonymousClient()
    {
        var client = SignIn.Anonymous(BaseAddress);
        _clients.Add(client);
        return client;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string NewPassword() => "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    private static async Task CreateAsync(IServiceProvider services, Uri baseAddress, NewUserAccount account, CancellationToken cancellationToken)
    {
        // The API answers once the registry is migrated; asking who is signed in waits for that.
        using (var probe = SignIn.Anonymous(baseAddress))
        using (var answer = await probe.GetAsync(new Uri("api/auth/me", UriKind.Relative), cancellationToken))
        {
            answer.EnsureSuccessStatusCode();
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(account, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The test user " + account.UserName + " was not created: " + string.Join("; ", result.Problems.Select(p => p.En)));
        }
    }
}
