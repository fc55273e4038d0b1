namespace CitySort.Policy;

/// <summary>
/// An assessment rule on the annual reduction targets (W96-A3, W96-A4): the share of the disposal fee (gate fee ×
/// tonnes beyond or below the target) that the district keeps or pays.
/// </summary>
/// <param name="Clause">The clause, <c>W96-A3</c> or <c>W96-A4</c>.</param>
/// <param name="Kind">Reward or charge.</param>
/// <param name="FeeShare">Share (0–1) of the disposal fee kept or paid; 1 for "the whole fee".</param>
/// <param name="Earmarked">Whether the money may be spent on sorting and reduction only (W96-A3).</param>
/// <param name="Description">The rule in the plan's words.</param>
public sealed record AssessmentRule(string Clause, AssessmentRuleKind Kind, decimal FeeShare, bool Earmarked, LocalizedText Description);
