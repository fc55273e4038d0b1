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

        return client;
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
