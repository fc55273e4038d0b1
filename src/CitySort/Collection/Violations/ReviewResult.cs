namespace CitySort.Collection.Violations;

/// <summary>The answer to a confirm or dismiss request.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Violation">The violation as stored after the review; null unless <see cref="ReviewOutcome.Recorded"/>.</param>
/// <param name="Problem">Why it was refused, in English; null when recorded.</param>
/// <param name="ProblemZh">The same in Chinese.</param>
public sealed record ReviewResult(ReviewOutcome Outcome, Violation? Violation, string? Problem = null, string? ProblemZh = null);
