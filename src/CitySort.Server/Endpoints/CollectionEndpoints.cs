using System.Globalization;
using System.Text;
using CitySort.Collection;
using CitySort.Security;
using CitySort.Server.Security;
using CitySort.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Server.Endpoints;

/// <summary><c>/api/kpis</c> and <c>/api/rejections</c>: the collection chain's KPIs from rollups, and the refused events.</summary>
internal static class CollectionEndpoints
{
    /// <summary>Maps both under <see cref="AuthorizationPolicyNames.CollectionRead"/>.</summary>
    public static void MapCollectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Collection").RequireAuthorization(AuthorizationPolicyNames.CollectionRead);
        group.MapGet("/kpis", GetKpis)
            .WithName("GetKpis")
            .WithSummary("KPIs of the collection chain from the daily rollups, per day, month or year: coverage (W96-T1), sorted-transport and harmless-treatment rates (W96-T4), residual tonnage and its year-to-date allowance (W96-T5/T7), same-day clearance (W96-K3), reconciliation of pickup estimates against ticket nets; each figure with its arithmetic, target and clause (docs/kpis.md). A district officer gets the account's districts' figures (no city total; 403 for another district).")
            .Produces<KpiReport>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/rejections", GetRejections)
            .WithName("GetRejections")
            .WithSummary("Refused and conflicting events, newest first, with the reason in English and Chinese and the raw payload as text (a district officer: those of the devices of the account's districts' vehicles); format=csv for a spreadsheet (cells that could be read as formulas are neutralised).")
            .Produces<IReadOnlyList<RejectionRecord>>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<KpiReport>, ProblemHttpResult>> GetKpis(
        KpiService kpis, HttpContext context, string? from, string? to, string? district, string? category, string? facility, string? groupBy, CancellationToken cancellationToken)
    {
        if (Day(from, "from", required: true, out var first) is { } e1)
        {
            return e1;
        }

        if (Day(to, "to", required: true, out var last) is { } e2)
        {
            return e2;
        }

        KpiGroupBy? grouping = (groupBy ?? "day").ToLowerInvariant() switch
        {
            "day" => KpiGroupBy.Day,
            "month" => KpiGroupBy.Month,
            "year" => KpiGroupBy.Year,
            _ => null,
        };
        if (grouping is null)
        {
            return Problems.BadRequest($"groupBy '{groupBy}' is not day, month or year / groupBy 应为 day、month 或 year");
        }

        if (last < first)
        {
            return Problems.BadRequest($"'to' ({to}) is before 'from' ({from}) / 结束日期早于开始日期");
        }

        if (grouping == KpiGroupBy.Day && last!.Value.DayNumber - first!.Value.DayNumber > 366)
        {
            return Problems.BadRequest("groupBy=day covers at most 367 days; use month or year / 按日统计最多 367 天，请按月或按年");
        }

        if (last!.Value.DayNumber - first!.Value.DayNumber + 1 > KpiService.MaxRangeDays)
        {
            return Problems.BadRequest($"the range may cover at most {KpiService.MaxRangeDays} days / 日期范围最多 {KpiService.MaxRangeDays} 天");
        }

        var scope = context.Scope();
        if (scope.Refuses(district) is { } refused)
        {
            return refused;
        }

        var query = new KpiQuery(first.Value, last.Value, Blank(district), Blank(category), Blank(facility), grouping.Value);
        return TypedResults.Ok(await kpis.GetAsync(scope, query, cancellationToken));
    }

    private static async Task<IResult> GetRejections(
        CollectionEventStore store, IDbContextFactory<CitySortDbContext> contexts, HttpContext context, string? from, string? to, string? reasonCode, string? deviceId, string? format, int? limit, CancellationToken cancellationToken)
    {
        if (Day(from, "from", required: false, out var first) is { } e1)
        {
            return e1;
        }

        if (Day(to, "to", required: false, out var last) is { } e2)
        {
            return e2;
        }

        if (limit is < 1 or > 10_000)
        {
            return Problems.BadRequest("limit must be from 1 to 10000 / limit 应在 1 到 10000 之间");
        }

        IReadOnlyList<string>? devices;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            devices = await ScopeQueries.DeviceIdsAsync(db, context.Scope(), cancellationToken);
        }

        var rows = await store.ReadRejectionsAsync(new RejectionQuery(first, last, Blank(reasonCode), Blank(deviceId), limit ?? 1000, devices), cancellationToken);
        return (format ?? "json").ToLowerInvariant() switch
        {
            "json" => TypedResults.Ok(rows),
            "csv" => TypedResults.Text(RejectionCsv.Write(rows), "text/csv; charset=utf-8", Encoding.UTF8),
            _ => Problems.BadRequest($"format '{format}' is not json or csv / format 应为 json 或 csv"),
        };
    }

    private static ProblemHttpResult? Day(string? text, string name, bool required, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Problems.BadRequest($"'{name}' is required, as YYYY-MM-DD / 缺少参数 {name}（格式 YYYY-MM-DD）") : null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return Problems.BadRequest($"'{name}' must be a date YYYY-MM-DD, not '{text}' / 参数 {name} 应为日期 YYYY-MM-DD");
        }

        day = value;
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
