using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>A money rule of the plan (W96-M0..M4). Amounts are yuan; a share is a fraction (1/3 for W96-M1).</summary>
/// <param name="Clause">The clause, e.g. <c>W96-M1</c>.</param>
/// <param name="Kind">What the rule is.</param>
/// <param name="ShareNumerator">Numerator of the share paid, or null.</param>
/// <param name="ShareDenominator">Denominator of the share paid (positive), or null.</param>
/// <param name="AmountYuan">A fixed amount in yuan (W96-M2: 3,000,000), or null.</param>
/// <param name="ApproxTotalYuan">An approximate total in yuan (W96-M1: about 7,000,000), or null.</param>
/// <param name="SiteTypes">The site types the rule is about.</param>
/// <param name="PerDistrict">True when each district has its own (W96-M4).</param>
/// <param name="Description">The rule in the plan's words.</param>
public sealed record MoneyRule(
    string Clause,
    MoneyRuleKind Kind,
    int? ShareNumerator,
    int? ShareDenominator,
    decimal? AmountYuan,
    decimal? ApproxTotalYuan,
    IReadOnlyList<SiteType> SiteTypes,
    bool PerDistrict,
    LocalizedText Description)
{
    /// <summary>
    /// The part of <paramref name="costYuan"/> this rule pays (W96-M1: cost × 1/3), or null when the rule has no share.
    /// </summary>
    /// <param name="costYuan">The cost in yuan.</param>
    /// <returns>The share of the cost in yuan, unrounded.</returns>
    public decimal? ShareOf(decimal costYuan) =>
        ShareNumerator is { } n && ShareDenominator is { } d ? costYuan * n / d : null;
}
