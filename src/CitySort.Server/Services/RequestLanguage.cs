using Microsoft.AspNetCore.Http;

namespace CitySort.Server.Services;

/// <summary>
/// The language of a request's answers: English when the most preferred language of <c>Accept-Language</c>
/// (RFC 9110, section 12.5.4) is English, otherwise Chinese (the default).
/// </summary>
internal static class RequestLanguage
{
    /// <summary>True when the request prefers English over Chinese.</summary>
    /// <param name="request">The request.</param>
    /// <returns>False when the header is absent, names Chinese first, or names neither.</returns>
    public static bool PrefersEnglish(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1.0))
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return false;
    }
}
