using CitySort.Audit;
using CitySort.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Security;

/// <summary>
/// Creates and lists user accounts through Identity's own services (password rules, hashing, lockout), for
/// <c>citysort users</c>, the server's one-time set-up link and the tests. Roles are created on first use.
/// </summary>
/// <param name="users">Identity's user manager.</param>
/// <param name="roles">Identity's role manager.</param>
/// <param name="context">The registry's database (district codes are checked against it).</param>
/// <param name="clock">The clock of <see cref="CitySortUser.CreatedAt"/>.</param>
/// <param name="audit">Where the <c>user-added</c> entry of each account goes (the audit trail).</param>
public sealed class UserAccounts(UserManager<CitySortUser> users, RoleManager<IdentityRole> roles, CitySortDbContext context, TimeProvider clock, AuditRecorder audit)
{
    /// <summary>Whether any user account exists (the set-up link is offered only when none does).</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => context.Users.AnyAsync(cancellationToken);

    /// <summary>Creates an account with its role and scope, or says why not; nothing is written when refused.</summary>
    /// <param name="request">The account to create.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The account, or the reasons in Chinese and English.</returns>
    public Task<UserAccountResult> AddAsync(NewUserAccount request, CancellationToken cancellationToken) => AddAsync(request, UserAddedVia.Command, cancellationToken);

    /// <summary>
    /// Creates an account with its role and scope, or says why not; nothing is written when refused. Besides the
    /// records of the sign-in store (which the audit trail keeps by their ids), one <c>user-added</c> entry of kind
    /// <c>User</c> keyed by the user name records the role, the scope and how the account came (<paramref name="via"/>),
    /// in the same transaction as the account; never the password or its hash.
    /// </summary>
    /// <param name="request">The account to create.</param>
    /// <param name="via">How the account is made: <see cref="UserAddedVia.Command"/> or <see cref="UserAddedVia.SetupLink"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The account, or the reasons in Chinese and English.</returns>
    public async Task<UserAccountResult> AddAsync(NewUserAccount request, string via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(via);
        var problems = new List<(string Zh, string En)>();
        var role = CitySortRoles.Parse(request.Role);
        var districts = (request.DistrictCodes ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var userName = request.UserName?.Trim() ?? string.Empty;
        if (role is null)
        {
            problems.Add(IdentityTexts.For("UnknownRole"));
        }

        if (userName.Length == 0 || userName.Length > IdentitySetup.MaxUserNameLength || userName.Any(char.IsWhiteSpace))
        {
            problems.Add(IdentityTexts.For("InvalidUserName"));
        }

        if (role == CitySortRoles.DistrictOfficer && districts.Count == 0)
        {
            problems.Add(IdentityTexts.For("DistrictRequired"));
        }

        foreach (var code in districts)
        {
            if (!await context.Districts.AnyAsync(d => d.Code == code, cancellationToken))
            {
                var (zh, en) = IdentityTexts.For("UnknownDistrict");
                problems.Add((zh + " " + code, en + " " + code));
            }
        }

        if (role == CitySortRoles.Hauler && string.IsNullOrWhiteSpace(request.HaulerCode))
        {
            problems.Add(IdentityTexts.For("HaulerRequired"));
        }

        var user = new CitySortUser
        {
            UserName = userName,
            ScopeDistrictCodes = role == CitySortRoles.DistrictOfficer ? string.Join(',', districts) : string.Empty,
            ScopeHaulerCode = role == CitySortRoles.Hauler ? request.HaulerCode!.Trim() : null,
            CreatedAt = clock.GetUtcNow(),
        };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.Password ?? string.Empty);
            problems.AddRange(check.Errors.Select(IdentityTexts.For));
        }

        if (problems.Count > 0)
        {
            return new UserAccountResult(null, problems);
        }

        if (!await roles.RoleExistsAsync(role!))
        {
            var made = await roles.CreateAsync(new IdentityRole(role!));
            if (!made.Succeeded && !await roles.RoleExistsAsync(role!))
            {
                return new UserAccountResult(null, made.Errors.Select(IdentityTexts.For).ToList());
            }
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return new UserAccountResult(null, created.Errors.Select(IdentityTexts.For).ToList());
        }

        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded)
        {
            return new UserAccountResult(null, added.Errors.Select(IdentityTexts.For).ToList());
        }

        audit.Add(context, "user-added", "User", user.UserName!, null, new
        {
            userName = user.UserName,
            role,
            districts = user.DistrictCodes,
            hauler = user.ScopeHaulerCode,
            via,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserAccountResult(new UserAccount(user.UserName!, role!, user.DistrictCodes, user.ScopeHaulerCode, user.CreatedAt, null), []);
    }

    /// <summary>Every account with its role, ordered by user name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var rolesByUser = await (from ur in context.UserRoles
                                 join r in context.Roles on ur.RoleId equals r.Id
                                 select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var list = await context.Users.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return list.OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new UserAccount(
                u.UserName!,
                rolesByUser.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "-",
                u.DistrictCodes,
                u.ScopeHaulerCode,
                u.CreatedAt,
                u.LockoutEnd is { } end && end > now ? end : null))
            .ToList();
    }
}
