using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySort.Server.Endpoints;

/// <summary>
/// RFC 9457 problem details with the detail in both languages, English first: a thin front of
/// <see cref="Problems"/>, which writes the document and lets <see cref="Problems.Localize"/> pick the request's
/// language (Chinese unless <c>Accept-Language</c> prefers English).
/// </summary>
internal static class BilingualProblems
{
    /// <summary>400: the request is wrong.</summary>
    /// <param name="en">The detail in English.</param>
    /// <param name="zh">The detail in Chinese.</param>
    public static ProblemHttpResult BadRequest(string en, string zh) => Problems.BadRequest(zh, en);

    /// <summary>404: what was asked for does not exist.</summary>
    /// <param name="en">The detail in English.</param>
    /// <param name="zh">The detail in Chinese.</param>
    public static ProblemHttpResult NotFound(string en, string zh) => Problems.NotFound(zh, en);
}
