namespace CitySort.Server.Contracts;

/// <summary>
/// The <c>error</c> server-sent event of <c>POST /api/plans/{date}</c>, sent instead of the summary when planning
/// failed after the stream had started (the status line has already been sent then); nothing was stored.
/// </summary>
/// <param name="Title">A short title.</param>
/// <param name="Detail">What went wrong, in plain words.</param>
public sealed record PlanRunFailure(string Title, string Detail);
