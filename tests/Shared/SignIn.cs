using System.Net;
using System.Net.Http.Json;

namespace CitySort.Testing;

/// <summary>
/// Signs in to a running CitySort server the way the dashboard does (<c>POST /api/auth/sign-in</c>), for tests that
/// talk to it over HTTP: the answer's sign-in cookie is kept in the client's cookie container.
/// </summary>
public static class SignIn
{
    /// <summary>The name of the sign-in cookie the server sets.</summary>
    public const string CookieName = "citysort.auth";

    /// <summary>A client at <paramref name="baseAddress"/> with no sign-in (the anonymous public).</summary>
    /// <param name="baseAddress">The server, such as http://127.0.0.1:40123/.</param>
    public static HttpClient Anonymous(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Signs in as <paramref name="userName"/> and returns the client holding the cookie.</summary>
    /// <param name="baseAddress">The server.</param>
    /// <param name="userName">An existing user.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException">When the server refuses the sign-in (the answer in the message).</exception>
    public static async Task<HttpClient> ClientAsync(Uri baseAddress, string userName, string password, CancellationToken cancellationToken = default)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.PostAsJsonAsync(new Uri("api/auth/sign-in", UriKind.Relative), new { userName, password }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {userName} refused ({(int)response.StatusCode}): {body}");
        }

        await UseAntiforgeryTokenAsync(client, cancellationToken);
        return client;
    }

    /// <summary>The request header of the anti-forgery token that cookie-authenticated writes carry.</summary>
    public const string AntiforgeryHeader = "X-CSRF-Token";

    /// <summary>
    /// Reads the signed-in user's anti-forgery token from <c>GET /api/auth/me</c>, as the dashboard does, and sends
    /// it with every later request of <paramref name="client"/> (docs/security.md, "Anti-forgery").
    /// </summary>
    /// <param name="client">A client holding a sign-in cookie.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException">When the server gives no token (the client is not signed in).</exception>
    public static async Task UseAntiforgeryTokenAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var me = await client.GetAsync(new Uri("api/auth/me", UriKind.Relative), cancellationToken);
        me.EnsureSuccessStatusCode();
        var view = await me.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
        var token = view.TryGetProperty("antiforgeryToken", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("GET /api/auth/me gave no anti-forgery token: the client is not signed in.");
        }

        client.DefaultRequestHeaders.Remove(AntiforgeryHeader);
        client.DefaultRequestHeaders.Add(AntiforgeryHeader, token);
    }

    /// <summary>The sign-in cookie a client of <see cref="ClientAsync"/> holds for <paramref name="baseAddress"/>.</summary>
    /// <param name="handlerCookies">The client's cookie container.</param>
    /// <param name="baseAddress">The server.</param>
    public static Cookie CookieOf(CookieContainer handlerCookies, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(handlerCookies);
        return handlerCookies.GetCookies(baseAddress)[CookieName] ?? throw new InvalidOperationException("The client holds no sign-in cookie.");
    }
}
