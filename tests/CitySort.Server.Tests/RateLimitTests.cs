using System.Net;
using System.Net.Http.Json;
using CitySort.Server.Security;
using CitySort.Testing;

namespace CitySort.Server.Tests;

/// <summary>
/// The sign-in rate limit through the real HTTP pipeline (issue 12, item 5; docs/security.md): a client address gets
/// <see cref="RateLimits.SignInPermitsPerMinute"/> sign-in attempts a minute, then 429. The class has its own server
/// (a class fixture), so no other test shares its limiter. The write limit is tried on a server of its own whose limit is
/// configured small (<see cref="ServerOptions.WritePermitsPerMinute"/>), the same limiter as the 600 of a default start;
/// and both limits once more as <c>serve</c> reads them, from a settings file and the command line.
/// </summary>
public sealed class RateLimitTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_of_a_minute_are_refused_with_429()
    {
        using var client = SignIn.Anonymous(fixture.Server.BaseAddress);

        // 61 attempts: however the fixed one-minute windows fall, one window holds at least 31 of them
        // (61 = 30 + 31, and the attempts take far less than two minutes), so one attempt must be over the limit of 30.
        var (refusedAsWrong, limitedAt) = await SendUntilLimitedAsync(
            () => client.PostAsJsonAsync(new Uri("api/auth/sign-in", UriKind.Relative), new { userName = "nobody-here", password = "whatever-password" }, TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized,
            (2 * RateLimits.SignInPermitsPerMinute) + 1);

        Assert.True(limitedAt > 0, "no attempt was limited");
        // Before the first 429 the window had room for 30 attempts, one of which the fixture's own sign-in of its
        // administrator used: at least 30 − 1 = 29 attempts were answered as a wrong password first.
        Assert.True(refusedAsWrong >= RateLimits.SignInPermitsPerMinute - 1, refusedAsWrong + " attempts answered before the limit");
    }

    [Fact]
    public async Task Writes_of_one_user_beyond_the_configured_limit_of_a_minute_are_refused_with_429_and_other_users_and_reads_pass()
    {
        const int limit = 5;
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Sqlite();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Storage = database.Storage, SeedDemo = false, WritePermitsPerMinute = limit }, ct);
        var writer = await server.ClientForAsync(CitySort.Security.CitySortRoles.CityOfficer, cancellationToken: ct);

        // 2 × 5 + 1 = 11 writes: the bucket holds 5 and gains at most 5 at the one refill that can fall within the
        // few seconds they take, so at most 10 are answered and one at least must be refused. Each write is a review
        // of a violation that does not exist: it passes the policy and is answered 404 when it is not limited.
        var (answered, limitedAt) = await SendUntilLimitedAsync(
            () => writer.PostAsJsonAsync(new Uri("api/violations/999999/confirm", UriKind.Relative), new { reviewer = "rate test" }, ct),
            HttpStatusCode.NotFound,
            (2 * limit) + 1);

        Assert.True(limitedAt > 0, "no write was limited");
        Assert.True(answered >= limit, answered + " writes answered before the limit, expected at least " + limit);
        // The limit is the user's: reads go on, and another user's writes are answered.
        using var read = await writer.GetAsync(new Uri("api/sites", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var other = await server.Client.PostAsJsonAsync(new Uri("api/violations/999999/confirm", UriKind.Relative), new { reviewer = "rate test" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_limits_set_in_the_settings_file_and_on_the_command_line_are_the_ones_in_force()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), "citysort-limits-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, """{ "Limits": { "WritePermitsPerMinute": 4, "SignInPermitsPerMinute": 50 } }""", ct);
        try
        {
            // The file sets both; the command line (the last layer) sets the sign-in limit again, to 3.
            var settings = CitySort.Cli.Commands.ServeSettings.Load(file, new Dictionary<string, string?> { [CitySort.Cli.Commands.ServeSettings.SignInPermitsKey] = "3" }, out var error);
            Assert.True(settings is not null, error);
            await using var database = TestDatabase.Sqlite();
            await using var server = await RunningServer.StartAsync(settings.ApplyTo(new ServerOptions { Storage = database.Storage, SeedDemo = false }), ct);
            var writer = await server.ClientForAsync(CitySort.Security.CitySortRoles.CityOfficer, cancellationToken: ct);

            // 2 × 4 + 1 = 9 writes hold one beyond the bucket of 4 and its one possible refill of 4; the default of 600
            // would answer all nine.
            var (writesAnswered, writeLimitedAt) = await SendUntilLimitedAsync(
                () => writer.PostAsJsonAsync(new Uri("api/violations/999999/confirm", UriKind.Relative), new { reviewer = "rate test" }, ct),
                HttpStatusCode.NotFound,
                (2 * 4) + 1);
            Assert.True(writeLimitedAt > 0, "no write was limited");
            Assert.True(writesAnswered >= 4, writesAnswered + " writes answered before the limit, expected at least 4");

            // 2 × 3 + 1 = 7 sign-in attempts: at most two fixed windows, each of 3, so one is refused (the file's 50 or
            // the default 30 would answer all seven as a wrong password).
            var anonymous = server.AnonymousClient();
            var (_, signInLimitedAt) = await SendUntilLimitedAsync(
                () => anonymous.PostAsJsonAsync(new Uri("api/auth/sign-in", UriKind.Relative), new { userName = "nobody-here", password = "whatever-password" }, ct),
                HttpStatusCode.Unauthorized,
                (2 * 3) + 1);
            Assert.True(signInLimitedAt > 0, "no sign-in attempt was limited");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Sends up to <paramref name="attempts"/> requests until one is answered 429; every other answer must be
    /// <paramref name="unlimited"/>. Returns how many were answered so, and the number of the limited attempt (-1 when none was).
    /// </summary>
    private static async Task<(int Answered, int LimitedAt)> SendUntilLimitedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode unlimited, int attempts)
    {
        var answered = 0;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (answered, attempt);
            }

            Assert.Equal(unlimited, response.StatusCode);
            answered++;
        }

        return (answered, -1);
    }
}
