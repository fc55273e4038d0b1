using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CitySort.Server.Mqtt;
using CitySort.Server.Operations;

namespace CitySort.Server.Tests;

/// <summary>
/// What an operator's supervisor and a browser see of every answer (issue 12, items 5 and 7): the health endpoints
/// and the security headers, on success and on every kind of error answer.
/// </summary>
public sealed class OperationsTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Live_answers_200_and_ready_names_the_database_and_the_mqtt_door_as_healthy()
    {
        using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);

        // The fixture's server runs without the MQTT door, which is healthy "off by configuration".
        Assert.Equal("Healthy", checks["mqtt"]);
    }

    [Fact]
    public async Task Ready_answers_503_while_the_external_broker_cannot_be_reached_and_live_stays_200()
    {
        // A port that was free a moment ago: nothing listens there, so the consumer keeps failing to connect.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Storage = database.Storage,
            SeedDemo = false,
            Mqtt = new MqttDoorOptions { BrokerUrl = new Uri("mqtt://127.0.0.1:" + port) },
        }, TestContext.Current.CancellationToken);

        using var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var mqtt = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "mqtt");
        Assert.Equal("Unhealthy", mqtt.GetProperty("status").GetString());

        using var live = await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/", HttpStatusCode.OK)]
    [InlineData("GET", "/api/sites?pageSize=10", HttpStatusCode.OK)]
    [InlineData("GET", "/api/sites/NO-SUCH-SITE", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/sites?pageSize=abc", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/no/such/path", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/imports/sites", HttpStatusCode.UnprocessableEntity)]
    [InlineData("GET", "/health/ready", HttpStatusCode.OK)]
    [InlineData("GET", "/openapi/v1.json", HttpStatusCode.OK)]
    public async Task Every_answer_success_or_error_carries_the_security_headers(string method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("x", System.Text.Encoding.UTF8, "text/plain");
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        AssertHeaders(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task A_uri_too_long_answer_carries_the_security_headers()
    {
        using var response = await Client.GetAsync(new Uri("/api/sites?q=" + new string('a', 20_000), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        AssertHeaders(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task The_api_reference_has_its_own_policy_and_nothing_from_outside()
    {
        using var response = await Client.GetAsync(new Uri("/api/reference/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response, SecurityHeaders.ReferenceContentSecurityPolicy);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // The reference's AI chat, MCP integration, telemetry, SDK button and CDN fonts are off (issue 12, item 7).
        Assert.Contains("\"agent\":{\"disabled\":true}", html, StringComparison.Ordinal);
        Assert.Contains("\"mcp\":{\"disabled\":true}", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    private static void AssertHeaders(HttpResponseMessage response, string policy)
    {
        Assert.Equal(policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
    }

    private static string? Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : null;
}
