using CitySort.Audit;
using CitySort.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/audit</c>: the audit trail, read and exported, newest first. There is no write, change or delete route:
/// the trail is written by the changes themselves and the database refuses updates and deletes of it.
/// </summary>
internal static class AuditEndpoints
{
    /// <summary>Maps the group under <see cref="AuthorizationPolicyNames.AuditRead"/>.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit")
            .WithTags("Audit")
            .RequireAuthorization(AuthorizationPolicyNames.AuditRead)
            .MapGet("/", GetAudit)
            .WithName("GetAudit")
            .WithSummary("The audit trail, newest first: who (actor), when (at, UTC), from where (origin), what (action, entity, key), and the record before and after as JSON. Filters entity, key, actor (exact) and from/to (ISO 8601 instants, to exclusive); page from 1, pageSize 1-500 (default 50). format=csv exports every matching row (at most 100,000) with formula-like cells neutralised.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<PagedList<AuditEntry>>, FileContentHttpResult, ProblemHttpResult>> GetAudit(
        AuditLog log,
        HttpContext context,
        string? entity,
        string? key,
        string? actor,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        string? format,
        CancellationToken cancellationToken)
    {
        var query = new AuditQuery(entity, key, actor, from, to);
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var csv = await log.ExportCsvAsync(query, cancellationToken);
            return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "audit.csv");
        }

        if (format is { Length: > 0 } && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format / 未知格式", detail: "format is json or csv / format 只能是 json 或 csv");
        }

        var number = page ?? 1;
        var size = pageSize ?? 50;
        if (number < 1 || size is < 1 or > 500)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Page out of range / 分页超出范围", detail: "page is 1 or more and pageSize 1 to 500 / page 须不小于 1，pageSize 须在 1 到 500 之间");
        }

        context.Response.Headers.CacheControl = "no-store";
        var (items, total) = await log.ListAsync(query, number, size, cancellationToken);
        return TypedResults.Ok(new PagedList<AuditEntry>(items, total, number, size));
    }
}
