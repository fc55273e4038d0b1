using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Security;

/// <summary>
/// The rate limits (ASP.NET Core's rate limiter; issue 12, item 5): sign-in and set-up attempts per client address
/// (<see cref="SignInPermitsPerMinute"/> a minute unless <see cref="ServerOptions.SignInPermitsPerMinute"/> says otherwise), and writes (every method but GET, HEAD and OPTIONS) per signed-in
/// user or, unsigned, per client address (<see cref="WritePermitsPerMinute"/> a minute unless
/// <see cref="ServerOptions.WritePermitsPerMinute"/> says otherwise, a token bucket so that a burst of edits passes). The device door (<c>POST /api/events</c>) is left to its own limits (docs/events.md).
/// Refused requests get 429 with a problem document.
/// </summary>
internal static class RateLimits
{
    /// <summary>The name of the sign-in policy.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Sign-in and set-up attempts a client address may make per minute by default.</summary>
    public const int SignInPermitsPerMinute = 30;

    /// <summary>Writes a user (or an unsigned client address) may make per minute by default.</summary>
    public const int WritePermitsPerMinute = 600;

    /// <summary>Adds the limiter with both limits.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="writePermitsPerMinute">The writes a user or an unsigned address may make per minute (at least 1).</param>
    /// <param name="signInPermitsPerMinute">The sign-in and set-up attempts a client address may make per minute (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When either limit is below 1.</exception>
    internal static void AddCitySortRateLimits(this IServiceCollection services, int writePermitsPerMinute = WritePermitsPerMinute, int signInPermitsPerMinute = SignInPermitsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writePermitsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signInPermitsPerMinute, 1);
        AddLimiter(services, writePermitsPerMinute, signInPermitsPerMinute);
    }

    private static void AddLimiter(IServiceCollection services, int writePermitsPerMinute, int signInPermitsPerMinute) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            "sign-in:" + context.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
                || context.Request.Path.StartsWithSegments("/api/events", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetNoLimiter("reads");
            }

            var who = context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "address:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetTokenBucketLimiter(who, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = writePermitsPerMinute,
                TokensPerPeriod = writePermitsPerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
    });
}
