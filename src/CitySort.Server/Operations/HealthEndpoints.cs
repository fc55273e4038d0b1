using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CitySort.Server.Operations;

/// <summary>
/// The health endpoints an operator's supervisor polls (issue 12, item 7; docs/operations.md):
/// <c>GET /health/live</c> answers 200 while the process serves requests at all (no check runs), and
/// <c>GET /health/ready</c> answers 200 when the database and the MQTT door are ready and 503 otherwise, with a JSON
/// body <c>{"status":"Healthy|Unhealthy","checks":[{"name","status","description"}]}</c>. Neither needs sign-in nor
/// names anything from the registry.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks that <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the database and MQTT readiness checks.</summary>
    /// <param name="services">The server's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddCitySortHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MqttHealthCheck>("mqtt", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <returns>The same routes.</returns>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>Writes the report as the documented JSON body, never cached.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
