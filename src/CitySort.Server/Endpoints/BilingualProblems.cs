using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySort.Server.Endpoints;

/// <summary>
/// RFC 9457 problem details in both languages: the title and detail read "English / 中文", and the extensions
/// <c>detailEn</c> and <c>detailZh</c> carry each language alone for a page that shows one.
/// </summary>
internal static class BilingualProblems
{
    /// <summary>400: the request is wrong.</summary>
    public static ProblemHttpResult BadRequest(string en, string zh) => Problem(StatusCodes.Status400BadRequest, "The request is not valid / 请求无效", en, zh);

    /// <summary>404: what was asked for does not exist.</summary>
    public static ProblemHttpResult NotFound(string en, string zh) => Problem(StatusCodes.Status404NotFound, "Not found / 未找到", en, zh);

    private static ProblemHttpResult Problem(int status, string title, string en, string zh) =>
        TypedResults.Problem(
            detail: en + " / " + zh,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["detailEn"] = en, ["detailZh"] = zh });
}
