using CitySort.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Security;

/// <summary>
/// The Identity rules of CitySort and their registration, shared by the server and the command line: passwords of
/// at least <see cref="MinimumPasswordLength"/> characters, no composition rules, not on the common-password list
/// (OWASP ASVS 5.0, 6.2.1, 6.2.4, 6.2.5); lockout for <see cref="LockoutMinutes"/> minutes after
/// <see cref="MaxFailedAttempts"/> wrong passwords in a row (ASVS 6.3.1); users and roles stored in the registry's database.
/// </summary>
public static class IdentitySetup
{
    /// <summary>The shortest password accepted, in characters.</summary>
    public const int MinimumPasswordLength = 10;

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked, in minutes.</summary>
    public const int LockoutMinutes = 15;

    /// <summary>The longest user name, in characters.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>
    /// Adds <see cref="UserManager{TUser}"/> and <see cref="RoleManager{TRole}"/> over <see cref="CitySortDbContext"/>
    /// with the rules above, <see cref="UserAccounts"/> and <see cref="ExternalLogins"/>; the caller adds sign-in (cookies) where it serves pages.
    /// </summary>
    /// <param name="services">A collection that has <see cref="StorageServiceCollectionExtensions.AddCitySortStorage"/>.</param>
    /// <returns>The Identity builder, for the server to add its sign-in manager.</returns>
    public static IdentityBuilder AddCitySortIdentityStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<UserAccounts>();
        services.AddScoped<ExternalLogins>();
        return services.AddIdentityCore<CitySortUser>(o =>
            {
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
                // Names in any script (Chinese names included); they are shown as text, never as markup.
                o.User.AllowedUserNameCharacters = string.Empty;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CitySortDbContext>()
            .AddPasswordValidator<BreachedPasswordValidator>();
    }
}
