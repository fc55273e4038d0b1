using System.Text.Json;
using System.Text.RegularExpressions;
using CitySort.Imports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Server.Endpoints;

/// <summary>
/// RFC 9457 problem details for every error the API gives, in the request's language: Chinese unless the request's
/// <c>Accept-Language</c> prefers English (the dashboard is Chinese by default and sends its page language). An
/// endpoint gives its detail in both languages (<see cref="BadRequest(string, string)"/>, <see cref="NotFound(string, string)"/>, <see cref="Make"/>);
/// <see cref="Localize"/>, run for every problem document the server writes (endpoint results, status-code pages,
/// binding and size errors), picks the language, sets the title of the status and words the framework's own errors
/// (binding, 405, 413, 414, 415) for a clerk, without .NET type names.
/// </summary>
internal static partial class Problems
{
    /// <summary>The longest path and query the API reads: 8 KiB; longer is 414 with a problem document.</summary>
    public const int MaxUriLength = 8 * 1024;

    /// <summary>The request line Kestrel accepts (256 KiB), above <see cref="MaxUriLength"/> so that the API, not Kestrel, answers 414 with a body.</summary>
    public const int KestrelMaxRequestLineBytes = 256 * 1024;

    internal const string ChineseKey = "detailZh";
    internal const string EnglishKey = "detailEn";

    private static readonly Dictionary<int, (string Zh, string En)> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = ("请求无效", "The request is not valid"),
        [StatusCodes.Status404NotFound] = ("未找到", "Not found"),
        [StatusCodes.Status405MethodNotAllowed] = ("不支持该请求方法", "Method not allowed"),
        [StatusCodes.Status409Conflict] = ("与登记库现状冲突", "Conflict with the registry as it is"),
        [StatusCodes.Status413PayloadTooLarge] = ("文件过大", "The file is too large"),
        [StatusCodes.Status414UriTooLong] = ("请求地址过长", "The request address is too long"),
        [StatusCodes.Status415UnsupportedMediaType] = ("不支持的内容类型", "Unsupported content type"),
        [StatusCodes.Status422UnprocessableEntity] = ("文件未导入", "The file was not imported"),
        [StatusCodes.Status500InternalServerError] = ("服务器内部错误", "Internal server error"),
    };

    /// <summary>Titles for statuses whose endpoints may set their own (the device door's 401): used only when none was set.</summary>
    private static readonly Dictionary<int, (string Zh, string En, string Default)> FallbackTitles = new()
    {
        [StatusCodes.Status401Unauthorized] = ("请先登录", "Please sign in", "Unauthorized"),
        [StatusCodes.Status403Forbidden] = ("此账户无权进行该操作", "This account may not do this", "Forbidden"),
        [StatusCodes.Status429TooManyRequests] = ("请求过于频繁，请稍后再试", "Too many requests; please wait a moment", "Too Many Requests"),
    };

    /// <summary>404: what was asked for does not exist.</summary>
    /// <param name="zh">The detail in Chinese.</param>
    /// <param name="en">The detail in English.</param>
    public static ProblemHttpResult NotFound(string zh, string en) => Make(StatusCodes.Status404NotFound, zh, en);

    /// <summary>400: the request itself is wrong (a filter value, a missing part).</summary>
    /// <param name="zh">The detail in Chinese.</param>
    /// <param name="en">The detail in English.</param>
    public static ProblemHttpResult BadRequest(string zh, string en) => Make(StatusCodes.Status400BadRequest, zh, en);

    /// <summary>404 with a detail in one text, shown whatever the language (prefer <see cref="NotFound(string, string)"/>).</summary>
    /// <param name="detail">The detail.</param>
    public static ProblemHttpResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, detail, detail);

    /// <summary>400 with a detail in one text, shown whatever the language (prefer <see cref="BadRequest(string, string)"/>).</summary>
    /// <param name="detail">The detail.</param>
    public static ProblemHttpResult BadRequest(string detail) => Make(StatusCodes.Status400BadRequest, detail, detail);

    /// <summary>A problem of <paramref name="status"/> with its detail in both languages and any extensions.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="zh">The detail in Chinese.</param>
    /// <param name="en">The detail in English.</param>
    /// <param name="extensions">Further members of the document, or null.</param>
    public static ProblemHttpResult Make(int status, string zh, string en, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { [ChineseKey] = zh, [EnglishKey] = en };
        return TypedResults.Problem(detail: en, statusCode: status, extensions: all);
    }

    /// <summary>
    /// Whether the request prefers Chinese: the first language of <c>Accept-Language</c> by quality that is Chinese
    /// (<c>zh…</c>) or English (<c>en…</c>) decides; with neither, Chinese.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>True for Chinese.</returns>
    public static bool PrefersChinese(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1.0))
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Answers 414 with a problem document when the path and query are longer than <see cref="MaxUriLength"/>.</summary>
    /// <param name="app">The application.</param>
    public static void UseUriLengthLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        var length = context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
        if (length > MaxUriLength)
        {
            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status414UriTooLong },
            });
            return;
        }

        await next(context);
    });

    /// <summary>
    /// Puts <paramref name="context"/>'s document in the request's language: the title of its status, the endpoint's
    /// detail in that language, or the framework's error reworded. Sets <c>Content-Language</c>.
    /// </summary>
    /// <param name="context">The document being written.</param>
    public static void Localize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var details = context.ProblemDetails;
        var chinese = PrefersChinese(http.Request);
        if (context.Exception is BadHttpRequestException bad)
        {
            details.Status = bad.StatusCode;
        }

        var status = details.Status ?? http.Response.StatusCode;
        details.Status = status;
        if (Titles.TryGetValue(status, out var title))
        {
            details.Title = chinese ? title.Zh : title.En;
        }
        else if (FallbackTitles.TryGetValue(status, out var fallback) && (details.Title is null || details.Title == fallback.Default))
        {
            details.Title = chinese ? fallback.Zh : fallback.En;
        }

        var (zh, en) = Texts(context, status);
        if (details.Extensions.Remove(ChineseKey, out var endpointZh) && details.Extensions.Remove(EnglishKey, out var endpointEn))
        {
            (zh, en) = (endpointZh as string ?? zh, endpointEn as string ?? en);
        }

        if (zh is not null && en is not null)
        {
            details.Detail = chinese ? zh : en;
        }
        else if (status >= 500)
        {
            // The exception's own message is for the log, not for the client.
            details.Detail = chinese ? "服务器出错，请稍后重试；如仍出错请联系管理员。" : "The server failed; try again later, and tell the administrator if it happens again.";
        }

        http.Response.Headers.ContentLanguage = chinese ? "zh-CN" : "en";
    }

    /// <summary>The framework error of <paramref name="context"/> in both languages, or nulls when the endpoint gave its own.</summary>
    private static (string? Zh, string? En) Texts(ProblemDetailsContext context, int status)
    {
        var http = context.HttpContext;
        switch (status)
        {
            case StatusCodes.Status404NotFound:
                var path = http.Request.Path.Value;
                return ($"没有这个地址：{path}", $"There is nothing at {path}.");
            case StatusCodes.Status405MethodNotAllowed:
                var allowed = http.Response.Headers.Allow.ToString();
                return ($"{http.Request.Method} 不能用于 {http.Request.Path}" + (allowed.Length > 0 ? $"；可用的方法：{allowed}" : string.Empty),
                    $"{http.Request.Method} cannot be used on {http.Request.Path}" + (allowed.Length > 0 ? $"; use {allowed}" : string.Empty) + ".");
            case StatusCodes.Status413PayloadTooLarge:
                var limit = ImportLimits.MaxFileBytes / 1024 / 1024;
                return ($"请求超过 {limit} MB 的上限（命令行导入也是同一上限）：请拆分文件后分别导入。",
                    $"The request is larger than the {limit} MB limit (the same limit as citysort import): split the file and import the parts.");
            case StatusCodes.Status414UriTooLong:
                return ($"请求地址（路径和查询）超过 {MaxUriLength} 个字符：请缩短查询条件，或把数据放在请求正文中。",
                    $"The request address (path and query) is longer than {MaxUriLength} characters: shorten the query, or send the data in the request body.");
            case StatusCodes.Status415UnsupportedMediaType:
                var accepted = AcceptedContentTypes(http);
                var given = string.IsNullOrEmpty(http.Request.ContentType) ? "none" : http.Request.ContentType;
                return ($"不支持内容类型 {given}；可用：{accepted}", $"The content type {given} is not accepted here; use {accepted}.");
            case StatusCodes.Status400BadRequest when context.Exception is BadHttpRequestException bad:
                return Binding(bad.Message);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// The content types the endpoints at the request's path declare (<see cref="IAcceptsMetadata"/>): routing answers
    /// 415 with an endpoint of its own, so the declared types are looked up by matching the path against every
    /// route. JSON when none declares any.
    /// </summary>
    private static string AcceptedContentTypes(HttpContext http)
    {
        var types = new List<string>();
        var endpoints = http.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? [];
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText ?? string.Empty), []);
            if (matcher.TryMatch(http.Request.Path, []))
            {
                types.AddRange(endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(m => m.ContentTypes));
            }
        }

        var distinct = types.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return distinct.Count > 0 ? string.Join(", ", distinct) : "application/json";
    }

    /// <summary>A binding error of the framework in words: the parameter's name and the kind of value it needs, never a .NET type name.</summary>
    private static (string Zh, string En) Binding(string message)
    {
        var failed = FailedToBind().Match(message);
        if (failed.Success)
        {
            var (kindZh, kindEn) = KindOf(failed.Groups["type"].Value);
            var name = QueryName(failed.Groups["name"].Value);
            var value = failed.Groups["value"].Value;
            return ($"参数 {name} 须为{kindZh}，“{value}”不是。", $"The parameter {name} must be {kindEn}; '{value}' is not.");
        }

        var required = RequiredMissing().Match(message);
        if (required.Success)
        {
            var (kindZh, kindEn) = KindOf(required.Groups["type"].Value);
            var name = QueryName(required.Groups["name"].Value);
            return ($"缺少参数 {name}（{kindZh}）。", $"The parameter {name} ({kindEn}) is required.");
        }

        var body = ReadBodyFailed().Match(message);
        if (body.Success)
        {
            return ("请求正文不是所需的 JSON。", "The request body is not the JSON this address needs.");
        }

        return ("请求无法读取：请检查参数和正文。", "The request cannot be read: check its parameters and body.");
    }

    /// <summary>
    /// The name a client writes for a bound parameter: the API's query parameters are camelCase, and a parameter bound
    /// through an <c>[AsParameters]</c> record is named by its property (<c>PageSize</c> for <c>pageSize</c>).
    /// </summary>
    private static string QueryName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static (string Zh, string En) KindOf(string typeName)
    {
        var type = typeName.StartsWith("Nullable<", StringComparison.Ordinal) ? typeName[9..^1] : typeName.TrimEnd('?');
        return type switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" => ("整数", "a whole number"),
            "double" or "decimal" or "float" or "Double" or "Decimal" => ("数字", "a number"),
            "bool" or "Boolean" => (" true 或 false", "true or false"),
            "DateOnly" => ("日期 YYYY-MM-DD", "a date written YYYY-MM-DD"),
            "DateTime" or "DateTimeOffset" => ("时间（ISO 8601）", "a time in ISO 8601"),
            "Guid" => ("GUID", "a GUID"),
            "string" or "String" => ("文字", "text"),
            _ => ("有效的值", "a valid value"),
        };
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" was not provided", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("^Failed to read parameter", RegexOptions.CultureInvariant)]
    private static partial Regex ReadBodyFailed();
}
