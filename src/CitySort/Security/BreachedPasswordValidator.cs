using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace CitySort.Security;

/// <summary>
/// Refuses passwords found in the shipped list of common passwords (Security/Data/common-passwords.txt, its source
/// named in its header: two published top-1000 lists of SecLists), compared case-insensitively after trimming.
/// OWASP ASVS 5.0 requirement 6.2.4 (passwords checked against a set of breached or common passwords).
/// </summary>
public sealed class BreachedPasswordValidator : IPasswordValidator<CitySortUser>
{
    /// <summary>The error code of a refused password (see <see cref="IdentityTexts"/> for its words).</summary>
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> Passwords = new(Load);

    /// <summary>How many distinct passwords the list holds.</summary>
    public static int Count => Passwords.Value.Count;

    /// <summary>Whether <paramref name="password"/> is in the list.</summary>
    /// <param name="password">The password as typed.</param>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Passwords.Value.Contains(password.Trim());
    }

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<CitySortUser> manager, CitySortUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = IdentityTexts.For(ErrorCode).En })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(BreachedPasswordValidator).Assembly.GetManifestResourceStream("CitySort.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
