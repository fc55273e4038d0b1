using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySort.Server.Endpoints;

/// <summary>RFC 9457 problem details for the API's expected errors, with titles a clerk understands.</summary>
internal static class Problems
{
    /// <summary>404: what was asked for does not exist.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>400: the request itself is wrong (a filter value, a missing part).</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");
}
