namespace CitySort.Server.Contracts;

/// <summary>The body of <c>POST /api/violations/{id}/confirm</c> and <c>/dismiss</c>.</summary>
/// <param name="Reviewer">The reviewer's name, recorded as given (at most 200 characters); required.</param>
/// <param name="Reason">Why; required to dismiss, optional to confirm (at most 2,000 characters).</param>
public sealed record ReviewRequest(string? Reviewer, string? Reason);
