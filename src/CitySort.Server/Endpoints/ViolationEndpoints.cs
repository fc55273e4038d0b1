using System.Globalization;
using CitySort.Collection.PlanActual;
using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Registry;
using CitySort.Server.Contracts;
using CitySort.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/violations</c>: the violations found in what the vehicles did (W96-K5 mixed collection and sealed transport,
/// W96-T3 missed pickups, W96-R1 off the planned line, W96-K3 same-day clearance), their evidence and their review;
/// and <c>GET /api/plans/{date}/actual</c>, the day's plans against what the vehicles did (docs/violations.md,
/// docs/planning.md). Errors are RFC 9457 problem documents in English and Chinese.
/// </summary>
internal static class ViolationEndpoints
{
    /// <summary>Maps the group: reading under <see cref="AuthorizationPolicyNames.ViolationsRead"/>, reviewing under <see cref="AuthorizationPolicyNames.ViolationsReview"/>, the city's day-end check under <see cref="AuthorizationPolicyNames.ViolationsEvaluate"/>, planned vs actual under <see cref="AuthorizationPolicyNames.PlansRead"/>.</summary>
    public static void MapViolationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/violations").WithTags("Violations");
        group.MapGet("/", List)
            .RequireAuthorization(AuthorizationPolicyNames.ViolationsRead)
            .WithName("GetViolations")
            .WithSummary("The violations of a period (from, to: YYYY-MM-DD business days, inclusive), optionally of one district code, kind and status; newest day first. A district officer sees the account's districts' violations (403 for another district), a hauler those of its vehicles.")
            .Produces<IReadOnlyList<ViolationView>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:int}", Get)
            .RequireAuthorization(AuthorizationPolicyNames.ViolationsRead)
            .WithName("GetViolation")
            .WithSummary("One violation with its evidence events in full (404 for a district officer when it is another district's).")
            .Produces<ViolationDetail>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/confirm", (ViolationService violations, HttpContext context, int id, ReviewRequest? request, CancellationToken ct) => Review(violations, context, id, true, request, ct))
            .RequireAuthorization(AuthorizationPolicyNames.ViolationsReview)
            .WithName("ConfirmViolation")
            .WithSummary("Confirms a violation: { reviewer, reason? }; records who (as given) and when; a district officer only those of the account's districts (404 otherwise). A reviewed violation keeps its status when re-evaluated.")
            .Produces<ViolationView>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/dismiss", (ViolationService violations, HttpContext context, int id, ReviewRequest? request, CancellationToken ct) => Review(violations, context, id, false, request, ct))
            .RequireAuthorization(AuthorizationPolicyNames.ViolationsReview)
            .WithName("DismissViolation")
            .WithSummary("Dismisses a violation: { reviewer, reason } (reason required); records who (as given) and when; a district officer only those of the account's districts (404 otherwise).")
            .Produces<ViolationView>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/evaluate", Evaluate)
            .RequireAuthorization(AuthorizationPolicyNames.ViolationsEvaluate)
            .WithName("EvaluateViolationsDay")
            .WithSummary("Runs the day-end check of a business day (date=YYYY-MM-DD): every vehicle-day kind and same-day clearance; the server also runs it at each day's clearance time.")
            .Produces<DayEvaluation>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGroup("/api/plans").WithTags("Daily plans")
            .MapGet("/{date}/actual", Actual)
            .RequireAuthorization(AuthorizationPolicyNames.PlansRead)
            .WithName("GetPlanActual")
            .WithSummary("The stored plans of a day against what the vehicles did, per plan and vehicle: stops visited, missed and out of plan; metres and seconds planned and driven. area: a district code or area id; category: Kitchen, Hazardous, Recyclable, Other. 404 when the day was never planned.")
            .Produces<PlanActualReport>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<ViolationView>>, ProblemHttpResult>> List(
        ViolationService violations, HttpContext context, string? from, string? to, string? district, string? kind, string? status, CancellationToken cancellationToken)
    {
        DateOnly? fromDay = null;
        DateOnly? toDay = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (ParseDate(from) is not { } f)
            {
                return BadDate("from", from);
            }

            fromDay = f;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (ParseDate(to) is not { } t)
            {
                return BadDate("to", to);
            }

            toDay = t;
        }

        if (fromDay > toDay)
        {
            return Problems.BadRequest(
                $"时段结束日{toDay:yyyy-MM-dd}早于开始日{fromDay:yyyy-MM-dd}。",
                $"The period ends on {toDay:yyyy-MM-dd}, before it starts on {fromDay:yyyy-MM-dd}.");
        }

        if (!TryEnum<ViolationKind>(kind, out var parsedKind))
        {
            return Problems.BadRequest(
                $"违规类型“{kind}”无法识别；可用：{string.Join("、", Enum.GetNames<ViolationKind>())}。",
                $"The kind '{kind}' is not known; use one of {string.Join(", ", Enum.GetNames<ViolationKind>())}.");
        }

        if (!TryEnum<ViolationStatus>(status, out var parsedStatus))
        {
            return Problems.BadRequest(
                $"状态“{status}”无法识别；可用：Open（待审核）、Confirmed（已确认）、Dismissed（已驳回）。",
                $"The status '{status}' is not known; use Open, Confirmed or Dismissed.");
        }

        var scope = context.Scope();
        if (scope.Refuses(district) is { } refused)
        {
            return refused;
        }

        var list = await violations.ListAsync(scope, new ViolationQuery(fromDay, toDay, district, parsedKind, parsedStatus), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ViolationView>>(list.Select(ViolationView.Of).ToList());
    }

    private static async Task<Results<Ok<ViolationDetail>, ProblemHttpResult>> Get(ViolationService violations, HttpContext context, int id, CancellationToken cancellationToken)
    {
        if (await violations.GetAsync(context.Scope(), id, cancellationToken) is not { } v)
        {
            return Problems.NotFound($"不存在编号为{id}的违规记录。", $"There is no violation {id}.");
        }

        var events = await violations.EvidenceEventsAsync(v, cancellationToken);
        var found = events.Select(e => (e.DeviceId, e.EventId)).ToHashSet();
        var view = ViolationView.Of(v);
        return TypedResults.Ok(new ViolationDetail(
            view,
            events.Cast<object>().ToList(),
            view.Evidence.Where(e => !found.Contains((e.DeviceId, e.EventId))).ToList()));
    }

    private static async Task<Results<Ok<ViolationView>, ProblemHttpResult>> Review(
        ViolationService violations, HttpContext context, int id, bool confirm, ReviewRequest? request, CancellationToken cancellationToken)
    {
        var result = await violations.ReviewAsync(context.Scope(), id, confirm, request?.Reviewer, request?.Reason, cancellationToken);
        return result.Outcome switch
        {
            ReviewOutcome.Recorded => TypedResults.Ok(ViolationView.Of(result.Violation!)),
            ReviewOutcome.NotFound => Problems.NotFound(result.ProblemZh!, result.Problem!),
            _ => Problems.BadRequest(result.ProblemZh!, result.Problem!),
        };
    }

    private static async Task<Results<Ok<DayEvaluation>, ProblemHttpResult>> Evaluate(ViolationService violations, string? date, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return Problems.BadRequest("请以date=YYYY-MM-DD给出要检查的业务日，例如date=2015-12-01。", "Give the business day to check as date=YYYY-MM-DD, for example date=2015-12-01.");
        }

        if (ParseDate(date) is not { } day)
        {
            return BadDate("date", date);
        }

        return TypedResults.Ok(await violations.EvaluateDayAsync(day, cancellationToken));
    }

    private static async Task<Results<Ok<PlanActualReport>, ProblemHttpResult>> Actual(
        PlanActualService actual, HttpContext context, string date, string? area, string? category, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } day)
        {
            return BadDate("date", date);
        }

        if (!TryEnum<WasteCategory>(category, out var parsedCategory))
        {
            return Problems.BadRequest(
                $"类别“{category}”无法识别；可用：{string.Join("、", Enum.GetNames<WasteCategory>())}。",
                $"The category '{category}' is not known; use one of {string.Join(", ", Enum.GetNames<WasteCategory>())}.");
        }

        var scope = context.Scope();
        if (scope.Refuses(area) is { } refused)
        {
            return refused;
        }

        var filter = new PlanningRequest(string.IsNullOrWhiteSpace(area) ? null : area.Trim(), parsedCategory);
        var report = await actual.GetAsync(scope, day, filter, cancellationToken);
        return report is null
            ? Problems.NotFound(
                $"{day:yyyy-MM-dd}尚未制定调度计划" + (filter.Area is null && filter.Category is null ? "。" : "（该区域和类别）。") + $"请先制定计划（POST /api/plans/{day:yyyy-MM-dd}）。",
                $"No plan has been made for {day:yyyy-MM-dd}" + (filter.Area is null && filter.Category is null ? "." : " for this area and category.") + $" Plan the day first (POST /api/plans/{day:yyyy-MM-dd}).")
            : TypedResults.Ok(report);
    }

    private static ProblemHttpResult BadDate(string name, string value) =>
        Problems.BadRequest(
            $"参数{name}的值“{value}”不是YYYY-MM-DD格式的日期，例如2015-12-01。",
            $"The {name} '{value}' is not a day written as YYYY-MM-DD, for example 2015-12-01.");

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Parses an enum by name (not by number); an empty text is no filter.</summary>
    private static bool TryEnum<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, CultureInfo.InvariantCulture, out _) || !Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
