using CitySort.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitySort.Server.Security;

/// <summary>
/// Checks the sign-in cookie's security stamp against the account on every request (with
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> zero), so that a changed role or scope, or a disabled
/// account, ends the sign-ins made before it (docs/security.md, "Changing an account"). Unlike Identity's own
/// validator it does not renew the cookie when the stamp still matches: a renewed cookie on every answer would let a
/// request still in flight when the user signs out bring the sign-in back (its answer's cookie arriving after the
/// sign-out's). A mismatch rejects the principal and removes the cookie, as Identity's validator does.
/// </summary>
/// <param name="options">The validation interval.</param>
/// <param name="signInManager">Reads the account and its stamp.</param>
/// <param name="logger">Logs rejected cookies.</param>
internal sealed class StampCheckingValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<CitySortUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<CitySortUser>(options, signInManager, logger)
{
    /// <summary>The stamp matched: the cookie stays as it is (same principal, not renewed).</summary>
    /// <param name="user">The account.</param>
    /// <param name="context">The cookie's validation.</param>
    protected override Task SecurityStampVerified(CitySortUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
