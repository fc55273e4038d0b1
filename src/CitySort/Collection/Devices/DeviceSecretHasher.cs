using System.Security.Cryptography;
using System.Text;

namespace CitySort.Collection.Devices;

/// <summary>
/// Generates device secrets and hashes them with PBKDF2 (RFC 8018, section 5.2) over HMAC-SHA-256 with a random
/// 16-byte salt and <see cref="Iterations"/> iterations, as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>; verification
/// compares in constant time.
/// </summary>
public static class DeviceSecretHasher
{
    /// <summary>The PBKDF2 iteration count of new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; device
    /// secrets are 256-bit random keys, not chosen passwords, so a lower count keeps a connect cheap).</summary>
    public const int Iterations = 100_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int SecretBytes = 32;

    /// <summary>A new random secret: 32 bytes from the system's cryptographic generator, base64url without padding (43 characters).</summary>
    /// <returns>The secret, to be shown once.</returns>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Hashes <paramref name="secret"/> with a new random salt.</summary>
    /// <param name="secret">The secret (any text).</param>
    /// <returns>The stored form <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>.</returns>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="stored"/> (a form made by <see cref="Hash"/>).</summary>
    /// <param name="secret">The secret the device presented.</param>
    /// <param name="stored">The stored hash.</param>
    /// <returns>False also when <paramref name="stored"/> is not a hash of this scheme.</returns>
    public static bool Verify(string secret, string stored)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
