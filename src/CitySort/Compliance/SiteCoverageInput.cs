using CitySort.Policy;

namespace CitySort.Compliance;

/// <summary>
/// One site as coverage (W96-T1) sees it: its facts and whether its required bins are in place (the outcome of
/// <see cref="BinRuleEvaluator"/>). Whether it counts as covered follows the profile's setting <c>covered</c>.
/// </summary>
/// <param name="Site">The site's facts (type, district, street, households, staff, collected sorted).</param>
/// <param name="BinsInPlace">True when the site has no bin gaps.</param>
public sealed record SiteCoverageInput(SiteFacts Site, bool BinsInPlace)
{
    /// <summary>Builds the input by checking the site's bins against the profile.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="site">The site's facts.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">As <see cref="BinRuleEvaluator.Evaluate"/>.</exception>
    public static SiteCoverageInput From(PolicyProfile profile, SiteFacts site) =>
        new(site, BinRuleEvaluator.Evaluate(profile, site).IsCompliant);
}
