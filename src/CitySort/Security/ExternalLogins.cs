using CitySort.Audit;
using CitySort.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Security;

/// <summary>
/// The links between the city's single sign-on identities and CitySort accounts (Identity's <c>AspNetUserLogins</c>,
/// provider <see cref="SingleSignOnProvider"/>, key the value of the configured user claim, by default the subject):
/// an administrator links an identity to an account made beforehand (<c>citysort users link</c>), so that the role and
/// the scope stay CitySort's and an identity nobody linked gets in nowhere. Each link and unlink is recorded in the
/// audit trail (<c>login-linked</c>, <c>login-unlinked</c>) in the transaction of the change.
/// </summary>
/// <param name="users">Identity's user manager.</param>
/// <param name="context">The registry's database (the one the user store writes to).</param>
/// <param name="audit">Where the named entries go.</param>
public sealed class ExternalLogins(UserManager<CitySortUser> users, CitySortDbContext context, AuditRecorder audit)
{
    /// <summary>The login provider name of the single sign-on in <c>AspNetUserLogins</c>.</summary>
    public const string SingleSignOnProvider = "oidc";

    /// <summary>The longest identity key accepted, in characters (OpenID Connect subjects are at most 255 ASCII characters).</summary>
    public const int MaxKeyLength = 255;

    /// <summary>The account linked to <paramref name="key"/>, or null when none is.</summary>
    /// <param name="key">The value of the user claim of a signed-in identity.</param>
    public Task<CitySortUser?> FindAsync(string key) => users.FindByLoginAsync(SingleSignOnProvider, key);

    /// <summary>
    /// Links the single sign-on identity <paramref name="key"/> to the account <paramref name="userName"/>; nothing is
    /// written when refused.
    /// </summary>
    /// <param name="userName">An existing account.</param>
    /// <param name="key">The identity's user claim value (the subject, unless configured otherwise).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The reasons it was refused in Chinese and English; empty when linked.</returns>
    public async Task<IReadOnlyList<(string Zh, string En)>> LinkAsync(string userName, string key, CancellationToken cancellationToken)
    {
        var (user, problems) = await CheckAsync(userName, key);
        if (user is null)
        {
            return problems;
        }

        if (await users.FindByLoginAsync(SingleSignOnProvider, key.Trim()) is { } holder)
        {
            var (zh, en) = IdentityTexts.For("LoginAlreadyAssociated");
            return [(zh + " " + holder.UserName, en + " " + holder.UserName)];
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var added = await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOnProvider, key.Trim(), SingleSignOnProvider));
        if (!added.Succeeded)
        {
            return added.Errors.Select(IdentityTexts.For).ToList();
        }

        audit.Add(context, "login-linked", "User", user.UserName!, null, new { userName = user.UserName, provider = SingleSignOnProvider, key = key.Trim() });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Removes the link of <paramref name="key"/> from the account <paramref name="userName"/>; nothing is written when refused.</summary>
    /// <param name="userName">An existing account.</param>
    /// <param name="key">An identity linked to it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The reasons it was refused in Chinese and English; empty when unlinked.</returns>
    public async Task<IReadOnlyList<(string Zh, string En)>> UnlinkAsync(string userName, string key, CancellationToken cancellationToken)
    {
        var (user, problems) = await CheckAsync(userName, key);
        if (user is null)
        {
            return problems;
        }

        if (await users.FindByLoginAsync(SingleSignOnProvider, key.Trim()) is not { } holder || holder.Id != user.Id)
        {
            return [IdentityTexts.For("LoginNotLinked")];
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveLoginAsync(user, SingleSignOnProvider, key.Trim());
        if (!removed.Succeeded)
        {
            return removed.Errors.Select(IdentityTexts.For).ToList();
        }

        audit.Add(context, "login-unlinked", "User", user.UserName!, new { userName = user.UserName, provider = SingleSignOnProvider, key = key.Trim() }, null);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>The identity keys linked to each account, by user name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (from l in context.UserLogins
                          join u in context.Users on l.UserId equals u.Id
                          where l.LoginProvider == SingleSignOnProvider
                          select new { u.UserName, l.ProviderKey }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.ProviderKey).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    private async Task<(CitySortUser? User, IReadOnlyList<(string Zh, string En)> Problems)> CheckAsync(string userName, string key)
    {
        var problems = new List<(string Zh, string En)>();
        var trimmed = key?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > MaxKeyLength)
        {
            problems.Add(IdentityTexts.For("InvalidLoginKey"));
        }

        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            problems.Add(IdentityTexts.For("UnknownUser"));
        }

        return problems.Count > 0 ? (null, problems) : (user, problems);
    }
}
