using System.Security.Cryptography;

namespace CitySort.Server.Security;

/// <summary>
/// The one-time set-up link of a server that has no user account yet: a random token (256 bits, base64url) that
/// lets whoever opens it first choose the first city administrator's name and password. It is kept in memory only,
/// works once and expires <see cref="Lifetime"/> after it was issued; a restart issues a new one while no account exists.
/// </summary>
/// <param name="clock">The clock of the expiry.</param>
internal sealed class SetupLink(TimeProvider clock)
{
    /// <summary>How long an issued link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(60);

    private readonly Lock _gate = new();
    private byte[]? _token;
    private DateTimeOffset _expiresAt;

    /// <summary>Issues a new token (replacing any earlier one) and returns it.</summary>
    public string Issue()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        lock (_gate)
        {
            _token = bytes;
            _expiresAt = clock.GetUtcNow() + Lifetime;
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether a token is open (issued, not used, not expired).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _token is not null && clock.GetUtcNow() < _expiresAt;
            }
        }
    }

    /// <summary>
    /// Takes the token if <paramref name="token"/> is it and it has not expired: true once, false ever after
    /// (compared in constant time).
    /// </summary>
    /// <param name="token">The token from the link.</param>
    public bool TryConsume(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        byte[] given;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            given = Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
        }
        catch (FormatException)
        {
            return false;
        }

        lock (_gate)
        {
            if (_token is null || clock.GetUtcNow() >= _expiresAt || !CryptographicOperations.FixedTimeEquals(_token, given))
            {
                return false;
            }

            _token = null;
            return true;
        }
    }

    /// <summary>Gives back a token taken by <see cref="TryConsume"/> when the account it was for could not be made.</summary>
    /// <param name="token">The token taken.</param>
    public void Restore(string token)
    {
        var padded = token.Replace('-', '+').Replace('_', '/');
        var bytes = Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
        lock (_gate)
        {
            if (_token is null && clock.GetUtcNow() < _expiresAt)
            {
                _token = bytes;
            }
        }
    }
}
