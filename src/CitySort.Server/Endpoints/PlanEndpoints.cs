using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CitySort.Planning;
using CitySort.Registry;
using CitySort.Server.Contracts;
using CitySort.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>/api/plans</c>: the daily plans of the dedicated lines (W96-T3, same-day clearance W96-K3) made by
/// <see cref="DailyPlanService"/>. <c>GET</c> reads a planned day as JSON or as GeoJSON (RFC 7946, the map layer of
/// <see cref="DailyPlanGeoJson"/>); <c>POST /api/plans/{date}</c> plans the day and streams its progress as
/// server-sent events (HTML Living Standard, "Server-sent events"): <c>progress</c> events with
/// <see cref="PlanningProgress"/>, then one <c>summary</c> event with <see cref="PlanRunSummary"/> (or one
/// <c>error</c> event with <see cref="PlanRunFailure"/>).
/// </summary>
internal static class PlanEndpoints
{
    /// <summary>Maps the group: reading under <see cref="AuthorizationPolicyNames.PlansRead"/>, planning under <see cref="AuthorizationPolicyNames.PlansWrite"/>.</summary>
    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Daily plans");
        group.MapGet("/", GetPlans)
            .RequireAuthorization(AuthorizationPolicyNames.PlansRead)
            .WithName("GetPlans")
            .WithSummary("The stored plans of a day (date=YYYY-MM-DD), optionally of one district or area and one category; format=geojson for the map layer (RFC 7946). 404 when the day was never planned. A district officer reads the plans of the account's districts (403 for another district); a hauler the plans its vehicles drive in, with their trips only.")
            .Produces<DailyPlanSet>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{date}", PlanDay)
            .RequireAuthorization(AuthorizationPolicyNames.PlansWrite)
            .WithName("PlanDay")
            .WithSummary("Plans a day (re-plans it when plans exist), optionally one district or area and one category, streaming progress as server-sent events: 'progress' events (PlanningProgress), then one 'summary' (PlanRunSummary) or 'error' (PlanRunFailure) event.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<DailyPlanSet>, ContentHttpResult, ProblemHttpResult>> GetPlans(
        DailyPlanService plans, HttpContext context, string? date, string? district, string? category, string? format, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return Problems.BadRequest("请以 date=YYYY-MM-DD 给出日期，例如 date=2015-12-01。", "Give the day to show as date=YYYY-MM-DD, for example date=2015-12-01.");
        }

        if (ParseDate(date) is not { } day)
        {
            return Problems.BadRequest($"日期“{date}”不是 YYYY-MM-DD 格式，例如 2015-12-01。", $"The date '{date}' is not a day written as YYYY-MM-DD, for example 2015-12-01.");
        }

        var geoJson = string.Equals(format?.Trim(), "geojson", StringComparison.OrdinalIgnoreCase);
        if (!geoJson && !string.IsNullOrWhiteSpace(format) && !string.Equals(format.Trim(), "json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest($"未知格式“{format}”；请用 format=json 或 format=geojson。", $"The format '{format}' is not known; use format=json or format=geojson.");
        }

        var (filter, problem) = ParseFilter(district, category);
        if (problem is not null)
        {
            return problem;
        }

        var scope = context.Scope();
        if (scope.Refuses(district) is { } refused)
        {
            return refused;
        }

        var set = await plans.GetAsync(scope, day, filter, cancellationToken);
        if (set is null)
        {
            return Problems.NotFound($"{day:yyyy-MM-dd} 尚未编制计划：请先编制（POST /api/plans/{day:yyyy-MM-dd}）。", $"No plan has been made for {day:yyyy-MM-dd} yet. Plan the day first (POST /api/plans/{day:yyyy-MM-dd}).");
        }

        return geoJson
            ? TypedResults.Content(DailyPlanGeoJson.ToFeatureCollection(set.Plans).ToJsonString(), "application/geo+json")
            : TypedResults.Ok(set);
    }

    private static Results<ServerSentEventsResult<object>, ProblemHttpResult> PlanDay(
        DailyPlanService plans, ILoggerFactory loggers, string date, string? district, string? category, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } day)
        {
            return Problems.BadRequest($"日期“{date}”不是 YYYY-MM-DD 格式，例如 2015-12-01。", $"The date '{date}' is not a day written as YYYY-MM-DD, for example 2015-12-01.");
        }

        if (plans.DateProblem(day) is { } outside)
        {
            return Problems.BadRequest(outside.Zh, outside.En);
        }

        var parsed = ParseFilter(district, category);
        if (parsed.Problem is { } problem)
        {
            return problem;
        }

        var logger = loggers.CreateLogger("CitySort.Server.Plans");
        return TypedResults.ServerSentEvents(Run(plans, logger, day, parsed.Request!, cancellationToken));
    }

    /// <summary>Plans the day on a background task and yields its progress, then the summary or the failure.</summary>
    private static async IAsyncEnumerable<SseItem<object>> Run(
        DailyPlanService plans, ILogger logger, DateOnly day, PlanningRequest filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<SseItem<object>>(new UnboundedChannelOptions { SingleReader = true });
        var progress = new ChannelProgress(channel.Writer);
        var work = Task.Run(
            async () =>
            {
                try
                {
                    var set = await plans.PlanAsync(day, filter, progress, cancellationToken);
                    channel.Writer.TryWrite(new SseItem<object>(PlanRunSummary.Of(set), "summary"));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The client went away: nothing was stored and nobody is listening.
                }
#pragma warning disable CA1031 // The stream has begun: any failure must reach the client as an 'error' event.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    logger.LogError(exception, "Planning {Date} failed", day);
                    channel.Writer.TryWrite(new SseItem<object>(
                        new PlanRunFailure("Planning failed", $"The plan for {day:yyyy-MM-dd} could not be made; nothing was stored. Try again, and tell the system administrator if it fails again."),
                        "error"));
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }

        await work;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static (PlanningRequest? Request, ProblemHttpResult? Problem) ParseFilter(string? district, string? category)
    {
        WasteCategory? parsedCategory = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!Enum.TryParse<WasteCategory>(category.Trim(), ignoreCase: true, out var value)
                || !Enum.IsDefined(value)
                || int.TryParse(category, CultureInfo.InvariantCulture, out _))
            {
                return (null, Problems.BadRequest(
                    $"未知分类“{category}”；可用：{string.Join(", ", Enum.GetNames<WasteCategory>())}。",
                    $"The category '{category}' is not known; use one of {string.Join(", ", Enum.GetNames<WasteCategory>())}."));
            }

            parsedCategory = value;
        }

        var area = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        return (new PlanningRequest(area, parsedCategory), null);
    }

    /// <summary>Writes each progress report into the event channel as a <c>progress</c> event.</summary>
    private sealed class ChannelProgress(ChannelWriter<SseItem<object>> writer) : IProgress<PlanningProgress>
    {
        public void Report(PlanningProgress value) => writer.TryWrite(new SseItem<object>(value, "progress"));
    }
}
