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

    /// <summary>
    /// Changes an account's role, scope or whether it may sign in, or says why not; nothing is written when refused.
    /// The new role and scope are checked as <see cref="AddAsync(NewUserAccount, string, CancellationToken)"/> checks
    /// them; the last enabled city administrator can neither lose the role nor be disabled. Disabling locks the account
    /// until <see cref="DateTimeOffset.MaxValue"/>; enabling clears any lockout. Every change renews the account's
    /// security stamp, so that the sign-ins made before it end at their next request (the server checks the stamp on
    /// every request), and adds one <c>user-changed</c> entry of kind <c>User</c> keyed by the user name with the role,
    /// districts, hauler and state before and after, in the same transaction. A change that changes nothing writes nothing.
    /// </summary>
    /// <param name="change">The account and what to change.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The account as it now is, or the reasons in Chinese and English (<c>UnknownUser</c> first when there is no such account).</returns>
    public async Task<UserAccountResult> ChangeAsync(UserChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var user = await users.FindByNameAsync(change.UserName?.Trim() ?? string.Empty);
        if (user is null)
        {
            return new UserAccountResult(null, [IdentityTexts.For("UnknownUser")]);
        }

        var now = clock.GetUtcNow();
        var oldRole = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "-";
        var oldDisabled = user.LockoutEnd == DateTimeOffset.MaxValue;
        var problems = new List<(string Zh, string En)>();
        var role = change.Role is null ? oldRole : CitySortRoles.Parse(change.Role);
        if (role is null)
        {
            problems.Add(IdentityTexts.For("UnknownRole"));
        }

        var districts = (change.DistrictCodes ?? (role == oldRole ? user.DistrictCodes : []))
            .Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var hauler = (change.HaulerCode ?? (role == oldRole ? user.ScopeHaulerCode : null))?.Trim();
        if (role == CitySortRoles.DistrictOfficer)
        {
            if (districts.Count == 0)
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
        }

        if (role == CitySortRoles.Hauler && string.IsNullOrWhiteSpace(hauler))
        {
            problems.Add(IdentityTexts.For("HaulerRequired"));
        }

        var disabled = change.Enabled is { } enabled ? !enabled : oldDisabled;
        if (oldRole == CitySortRoles.CityAdministrator && !oldDisabled && (role != CitySortRoles.CityAdministrator || disabled)
            && !await OtherEnabledAdministratorAsync(user.Id, now, cancellationToken))
        {
            problems.Add(IdentityTexts.For("LastAdministrator"));
        }

        if (problems.Count > 0)
        {
            return new UserAccountResult(null, problems);
        }

        var newDistricts = role == CitySortRoles.DistrictOfficer ? string.Join(',', districts) : string.Empty;
        var newHauler = role == CitySortRoles.Hauler ? hauler : null;
        var before = new { userName = user.UserName, role = oldRole, districts = user.DistrictCodes, hauler = user.ScopeHaulerCode, disabled = oldDisabled };
        var unchanged = role == oldRole && newDistricts == user.ScopeDistrictCodes && newHauler == user.ScopeHaulerCode && disabled == oldDisabled
            && !(change.Enabled == true && user.LockoutEnd is not null);
        if (!unchanged)
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            if (role != oldRole)
            {
                if (oldRole != "-")
                {
                    Check(await users.RemoveFromRoleAsync(user, oldRole));
                }

                if (!await roles.RoleExistsAsync(role!))
                {
                    Check(await roles.CreateAsync(new IdentityRole(role!)));
                }

                Check(await users.AddToRoleAsync(user, role!));
            }

            user.ScopeDistrictCodes = newDistricts;
            user.ScopeHaulerCode = newHauler;
            user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : change.Enabled == true ? null : user.LockoutEnd;
            if (change.Enabled == true)
            {
                user.AccessFailedCount = 0;
            }

            // Renewing the stamp saves the user and ends every sign-in made before the change.
            Check(await users.UpdateSecurityStampAsync(user));
            audit.Add(context, "user-changed", "User", user.UserName!, before, new
            {
                userName = user.UserName,
                role,
                districts = user.DistrictCodes,
                hauler = user.ScopeHaulerCode,
                disabled,
            });
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var locked = user.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null;
        return new UserAccountResult(new UserAccount(user.UserName!, role!, user.DistrictCodes, user.ScopeHaulerCode, user.CreatedAt, locked, disabled), []);
    }

    /// <summary>Whether an administrator other than <paramref name="userId"/> can sign in (not disabled nor locked).</summary>
    private async Task<bool> OtherEnabledAdministratorAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var admins = await users.GetUsersInRoleAsync(CitySortRoles.CityAdministrator);
        return admins.Any(a => a.Id != userId && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }

    /// <summary>A failed Identity write inside a change is a broken store, not bad input (the input was checked before).</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The sign-in store refused the account change: " + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description)));
        }
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
                u.LockoutEnd is { } end && end > now ? end : null,
                u.LockoutEnd == DateTimeOffset.MaxValue))
            .ToList();
    }
}
