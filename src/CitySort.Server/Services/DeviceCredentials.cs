using Microsoft.AspNetCore.Http;

namespace CitySort.Server.Services;

/// <summary>
/// The device id and key a request presents: the headers <c>X-Device-Id</c> and <c>X-Device-Key</c>, or
/// <c>Authorization: Bearer ID:KEY</c> (the id, a colon, the key). The headers win when both are sent.
/// </summary>
/// <param name="DeviceId">The presented id, or null.</param>
/// <param name="Secret">The presented key, or null.</param>
internal sealed record DeviceCredentials(string? DeviceId, string? Secret)
{
    /// <summary>The id header.</summary>
    public const string DeviceIdHeader = "X-Device-Id";

    /// <summary>The key header.</summary>
    public const string DeviceKeyHeader = "X-Device-Key";

    /// <summary>True when the request names no device at all (anonymous).</summary>
    public bool IsAnonymous => string.IsNullOrEmpty(DeviceId) && string.IsNullOrEmpty(Secret);

    /// <summary>Reads the credentials of <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The credentials, with null parts where absent.</returns>
    public static DeviceCredentials From(HttpRequest request)
    {
        var id = request.Headers[DeviceIdHeader].FirstOrDefault()?.Trim();
        var key = request.Headers[DeviceKeyHeader].FirstOrDefault()?.Trim();
        if (!string.IsNullOrEmpty(id) || !string.IsNullOrEmpty(key))
        {
            return new DeviceCredentials(NullIfEmpty(id), NullIfEmpty(key));
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        const string bearer = "Bearer ";
        if (authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[bearer.Length..].Trim();
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? new DeviceCredentials(null, NullIfEmpty(token)) : new DeviceCredentials(token[..colon], NullIfEmpty(token[(colon + 1)..]));
        }

        return new DeviceCredentials(null, null);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
