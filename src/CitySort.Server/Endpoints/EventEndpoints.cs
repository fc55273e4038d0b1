using System.Text.Json;
using System.Text.Json.Nodes;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Server.Contracts;
using CitySort.Server.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CitySort.Server.Endpoints;

/// <summary>
/// <c>POST /api/events</c>: the HTTP batch door of the collection chain (docs/events.md, "Doors"). A device sends
/// <c>{"events": [ … ]}</c> with at most <see cref="IEventIntake.MaxBatchSize"/> events and its key in
/// <c>X-Device-Id</c> / <c>X-Device-Key</c> (or <c>Authorization: Bearer ID:KEY</c>); the server answers 200 with one
/// result per event only after <see cref="IEventIntake.SubmitAsync"/> has returned, i.e. after the commit. 401 for a
/// device that is unknown, revoked or sends the wrong key (anonymous devices only in demo mode); 413 for a body over
/// <see cref="MaxBodyBytes"/>; 400 for a body that is not the envelope, naming the JSON path. Problem documents are in
/// the request's language (<c>Accept-Language</c>, Chinese by default).
/// </summary>
internal static class EventEndpoints
{
    /// <summary>The largest request body in bytes (4 MiB: 1,000 events of about 4 KiB each).</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Maps the endpoint under <see cref="AuthorizationPolicyNames.EventsWrite"/>.</summary>
    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events")
            .WithTags("Events")
            .RequireAuthorization(AuthorizationPolicyNames.EventsWrite)
            .MapPost("/", Submit)
            .WithName("SubmitEvents")
            .WithSummary("Takes in a batch of up to 1000 device events (pickups, GPS fixes, weigh tickets, inspection findings) and answers per event after the commit: accepted, duplicate, conflict or rejected with the reason. Device key in X-Device-Id and X-Device-Key, or Authorization: Bearer ID:KEY. 401 unknown, revoked or wrong key; 413 body over 4 MiB; 400 not the envelope (with the JSON path).")
            .Accepts<EventBatchRequest>("application/json")
            .Produces<EventBatchResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                AddExamples(operation);
                return Task.CompletedTask;
            });
    }

    private static async Task<Results<Ok<EventBatchResponse>, ProblemHttpResult>> Submit(
        HttpContext context, DeviceService devices, ServerOptions options, DoorRefusalRecorder refusals, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var english = RequestLanguage.PrefersEnglish(request);
        var intake = context.RequestServices.GetService<IEventIntake>();
        if (intake is null)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, english, "intake-unavailable",
                "The event intake is not available", "事件接收不可用",
                "This server takes in no events.", "此服务器不接收事件。");
        }

        // Who is sending comes first: an unauthenticated caller learns nothing about the body.
        var credentials = DeviceCredentials.From(request);
        DeviceIdentity device;
        if (credentials.IsAnonymous && options.AnonymousDevicesAccepted)
        {
            device = DeviceService.DemoIdentity;
        }
        else
        {
            var authentication = await devices.AuthenticateAsync(credentials.DeviceId, credentials.Secret, cancellationToken);
            if (authentication.Identity is null)
            {
                // Stored as a rejection with the start of the body (at most one event's size; nothing else of it is read).
                var start = await ReadPrefixAsync(request.Body, IEventIntake.MaxPayloadBytes, cancellationToken);
                refusals.Record(new DoorRefusal(clock.GetUtcNow(), Presented(credentials.DeviceId), Peer(context), Source, null, null,
                    new EventProblem(authentication.ReasonCode!, authentication.Reason!, authentication.ReasonZh!), start));
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"citysort-devices\"";
                return Problem(StatusCodes.Status401Unauthorized, english, authentication.ReasonCode!,
                    "The device is not authenticated", "设备未通过认证",
                    authentication.Reason!, authentication.ReasonZh!);
            }

            device = authentication.Identity;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            refusals.Record(new DoorRefusal(clock.GetUtcNow(), device.DeviceId, Peer(context), Source, null, null, TooLargeReason, ReadOnlyMemory<byte>.Empty));
            return TooLarge(english);
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            refusals.Record(new DoorRefusal(clock.GetUtcNow(), device.DeviceId, Peer(context), Source, null, null, TooLargeReason, ReadOnlyMemory<byte>.Empty));
            return TooLarge(english);
        }

        var (events, problem, reason) = ParseEnvelope(body, english);
        if (problem is not null)
        {
            refusals.Record(new DoorRefusal(clock.GetUtcNow(), device.DeviceId, Peer(context), Source, null, null, reason!,
                body.AsMemory(0, Math.Min(body.Length, IEventIntake.MaxPayloadBytes))));
            return problem;
        }

        var results = await intake.SubmitAsync(device, events!, cancellationToken);
        var views = results.Select(r => new EventResultView(r.Index, r.EventId, Name(r.Outcome), r.ReasonCode, r.Reason, r.ReasonZh)).ToList();
        return TypedResults.Ok(new EventBatchResponse(
            device.DeviceId,
            results.Count(r => r.Outcome == IntakeOutcome.Accepted),
            results.Count(r => r.Outcome == IntakeOutcome.Duplicate),
            results.Count(r => r.Outcome == IntakeOutcome.Conflict),
            results.Count(r => r.Outcome == IntakeOutcome.Rejected),
            views));
    }

    /// <summary>The outcome's name in the API: <c>accepted</c>, <c>duplicate</c>, <c>conflict</c>, <c>rejected</c>.</summary>
    public static string Name(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Accepted => "accepted",
        IntakeOutcome.Duplicate => "duplicate",
        IntakeOutcome.Conflict => "conflict",
        _ => "rejected",
    };

    private const string Source = "http:POST /api/events";

    private static readonly EventProblem TooLargeReason = new(ReasonCodes.BodyTooLarge,
        $"the body is over {MaxBodyBytes} bytes (4 MiB)", $"请求体超过 {MaxBodyBytes} 字节（4 MiB）");

    private static string Presented(string? deviceId) =>
        string.IsNullOrEmpty(deviceId) ? "(none)" : deviceId.Length > 200 ? deviceId[..200] : deviceId;

    private static string? Peer(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body.</summary>
    private static async Task<byte[]> ReadPrefixAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit];
        var filled = 0;
        int read;
        while (filled < limit && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return buffer[..filled];
    }

    /// <summary>Reads the body whole, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Checks the envelope <c>{"events": [ {…}, … ]}</c> and cuts out each event's bytes as received.</summary>
    private static (IReadOnlyList<IncomingEvent>? Events, ProblemHttpResult? Problem, EventProblem? Reason) ParseEnvelope(byte[] body, bool english)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return Refused(english, e.Path ?? "$",
                $"The body is not valid JSON at line {line}, byte {column} (path {e.Path ?? "$"}).",
                $"请求体在第 {line} 行第 {column} 字节处不是有效的 JSON（路径 {e.Path ?? "$"}）。");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Refused(english, "$", "The body must be a JSON object {\"events\": [...]}.", "请求体须为 JSON 对象 {\"events\": [...]}。");
            }

            if (!root.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return Refused(english, "$.events", "The body must have an array \"events\" of event objects.", "请求体须有事件对象数组 \"events\"。");
            }

            var count = list.GetArrayLength();
            if (count == 0)
            {
                return Refused(english, "$.events", "\"events\" is empty: send 1 to " + IEventIntake.MaxBatchSize + " events.", "\"events\" 为空：请发送 1 至 " + IEventIntake.MaxBatchSize + " 个事件。");
            }

            if (count > IEventIntake.MaxBatchSize)
            {
                return Refused(english, "$.events", $"\"events\" has {count} events; one batch takes at most {IEventIntake.MaxBatchSize}.", $"\"events\" 有 {count} 个事件；每批至多 {IEventIntake.MaxBatchSize} 个。");
            }

            var events = new List<IncomingEvent>(count);
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return Refused(english, $"$.events[{index}]", $"$.events[{index}] is not an event object.", $"$.events[{index}] 不是事件对象。");
                }

                var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(item).ToArray();
                events.Add(new IncomingEvent(null, raw, $"http:POST /api/events[{index}]"));
                index++;
            }

            return (events, null, null);
        }
    }

    private static (IReadOnlyList<IncomingEvent>? Events, ProblemHttpResult? Problem, EventProblem? Reason) Refused(bool english, string path, string detail, string detailZh) =>
        (null, Invalid(english, path, detail, detailZh), new EventProblem(ReasonCodes.NotAnEventBatch, detail, detailZh));

    private static ProblemHttpResult TooLarge(bool english) =>
        Problem(StatusCodes.Status413PayloadTooLarge, english, "body-too-large",
            "The request body is too large", "请求体过大",
            $"The body is over {MaxBodyBytes} bytes (4 MiB); send fewer events per batch.", $"请求体超过 {MaxBodyBytes} 字节（4 MiB）；请每批少发一些事件。");

    private static ProblemHttpResult Invalid(bool english, string path, string detail, string detailZh) =>
        Problem(StatusCodes.Status400BadRequest, english, "not-an-event-batch",
            "The body is not an event batch", "请求体不是事件批次", detail, detailZh,
            new Dictionary<string, object?> { ["path"] = path });

    private static ProblemHttpResult Problem(int status, bool english, string reasonCode, string title, string titleZh, string detail, string detailZh, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions["reasonCode"] = reasonCode;
        return TypedResults.Problem(statusCode: status, title: english ? title : titleZh, detail: english ? detail : detailZh, extensions: extensions);
    }

    private static void AddExamples(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
        {
            request.Example = JsonNode.Parse("""
                {"events": [
                  {"kind": "pickup", "eventId": "P-20151201-0001", "deviceTime": "2015-12-01T07:42:10+08:00", "vehiclePlate": "浙C0K001",
                   "siteCode": "LC-R-0001", "category": "Kitchen", "estimatedKg": 85.5, "point": {"longitude": 120.6551, "latitude": 28.0106, "datum": "wgs84"}},
                  {"kind": "gps", "eventId": "G-20151201-0001", "deviceTime": "2015-12-01T07:42:15+08:00", "vehiclePlate": "浙C0K001",
                   "point": {"longitude": 120.6553, "latitude": 28.0108, "datum": "gcj02"}, "speedKmh": 18.0, "headingDegrees": 92.0}
                ]}
                """);
        }

        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var answer) == true)
        {
            answer.Example = JsonNode.Parse("""
                {"deviceId": "truck-lc-01", "accepted": 1, "duplicate": 0, "conflict": 0, "rejected": 1, "results": [
                  {"index": 0, "eventId": "P-20151201-0001", "outcome": "accepted", "reasonCode": null, "reason": null, "reasonZh": null},
                  {"index": 1, "eventId": "G-20151201-0001", "outcome": "rejected", "reasonCode": "outside-city", "reason": "$.point: the point is far outside the city", "reasonZh": "$.point：该点远在城市范围之外"}
                ]}
                """);
        }
    }
}
