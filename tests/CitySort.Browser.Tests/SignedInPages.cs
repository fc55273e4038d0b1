using CitySort.Server.Tests;
using Microsoft.Playwright;

namespace CitySort.Browser.Tests;

/// <summary>
/// Gives a browser context the sign-in cookie of a running server's city administrator (signed in through the real
/// <c>POST /api/auth/sign-in</c> by <see cref="RunningServer"/>), so that a page opens the dashboard signed in.
/// </summary>
internal static class SignedInPages
{
    /// <summary>Adds <paramref name="server"/>'s administrator cookie to <paramref name="context"/>.</summary>
    /// <param name="context">A browser context before it opens the server's pages.</param>
    /// <param name="server">The server.</param>
    public static Task SignInAsync(this IBrowserContext context, RunningServer server)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(server);
        return context.AddCookiesAsync(
        [
            new Cookie { Name = server.AdminCookie.Name, Value = server.AdminCookie.Value, Url = server.BaseAddress.ToString(), HttpOnly = true, SameSite = SameSiteAttribute.Strict },
        ]);
    }
}
