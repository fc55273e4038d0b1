using System.Net;
using System.Net.Http.Json;
using CitySort.Server.Security;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// The sign-in rate limit through the real HTTP pipeline (issue 12, item 5; docs/security.md): a client address gets
/// <see cref="RateLimits.SignInPermitsPerMinute"/> sign-in attempts a minute, then 429. The class has its own server
/// (a class fixture), so no other test shares its limiter.
/// </summary>
public sealed class RateLimitTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_of_a_minute_are_refused_with_429()
    {
        using var client = SignIn.Anonymous(fixture.Server.BaseAddress);
        var refusedAsWrong = 0;
        var limitedAt = -1;

        // 61 attempts: however the fixed one-minute windows fall, one window holds at least 31 of them
        // (61 = 30 + 31, and the attempts take far less than two minutes), so one attempt must be over the limit of 30.
        for (var attempt = 1; attempt <= 2 * RateLimits.SignInPermitsPerMinute + 1 && limitedAt < 0; attempt++)
        {
            using var response = await client.PostAsJsonAsync(
                new Uri("api/auth/sign-in", UriKind.Relative), new { userName = "nobody-here", password = "whatever-password" }, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limitedAt = attempt;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                refusedAsWrong++;
            }
        }

        Assert.True(limitedAt > 0, "no attempt was limited");
        // Before the first 429 the window had room for 30 attempts, one of which the fixture's own sign-in of its
        // administrator used: at least 30 − 1 = 29 attempts were answered as a wrong password first.
        Assert.True(refusedAsWrong >= RateLimits.SignInPermitsPerMinute - 1, refusedAsWrong + " attempts answered before the limit");
    }
}
